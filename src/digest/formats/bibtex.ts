import { readVerbatim } from './bibtex-verbatim.js';
import { arxivLinks, httpsLink, identityFromDoi, isArxivCategory, parseArxivId } from '../arxiv';
import { DigestError } from '../errors';
import { EntryCollector } from '../entry';
import { decodeBibtexText } from '../latex';
import { isoDate, LineCounter, monthNumber, naturalName, normaliseSpace, ymd } from '../text';
import type { DigestFormat, DigestText, ParsedDigest } from '../types';

/**
 * BibTeX (`@misc`, `@article`, `@inproceedings`, …), read with @retorquere/bibtex-parser's verbatim
 * reader so that maths stays LaTeX in titles; names are split, and accents, escapes and grouping
 * braces decoded, here.
 * arXiv's own export (`eprint`, `archivePrefix`, `primaryClass`) gives the arXiv id. arXiv's and
 * Google Scholar's exports have no abstract: such an entry is still a paper, and joins the one the
 * library has by id or title.
 */

const NAME = 'bibtex';
const LABEL = 'BibTeX';
const ENTRY_START = /^[ \t]*@(?!comment\b|string\b|preamble\b)([A-Za-z]+)[ \t]*[{(]/im;

function detect({ text }: DigestText): number {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[') || start.startsWith('<')) return 0;
  const head = text.slice(0, 65536);
  const m = ENTRY_START.exec(head);
  // A file of @string definitions only is BibTeX that names no paper: it says so as BibTeX.
  if (!m) return /^[ \t]*@(string|preamble)[ \t]*[{(]/im.test(head) ? 0.4 : 0;
  return /=/.test(head.slice(m.index, m.index + 2000)) ? 0.95 : 0.5;
}

/** The names of an author field, split at each "and" outside braces ("{Barnes and Noble}" is one). */
function splitNames(field: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let from = 0;
  for (const m of field.matchAll(/[{}]|\s+and\s+/gi)) {
    if (m[0] === '{') depth++;
    else if (m[0] === '}') depth--;
    else if (depth === 0) {
      names.push(field.slice(from, m.index));
      from = m.index + m[0].length;
    }
  }
  names.push(field.slice(from));
  return names.map((n) => n.trim()).filter(Boolean);
}

/** Whether the whole text is one braced group: `{Google, Inc.}`, not `{M}{\"u}ller`. */
function oneGroup(text: string): boolean {
  if (!text.startsWith('{') || !text.endsWith('}')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i === text.length - 1;
  }
  return false;
}

/** "Last, First", "von Last, Jr, First" or "First Last" as "First Last"; an organisation braced as written. */
function creatorName(raw: string): string {
  return oneGroup(raw) ? normaliseSpace(decodeBibtexText(raw)) : naturalName(decodeBibtexText(raw));
}

/** Keywords split at commas and semicolons, once each, sorted (as Better BibTeX gives them). */
function keywordList(fields: Record<string, string>): string[] | undefined {
  const words = Object.entries(fields)
    .filter(([name]) => /^keywords(\+duplicate-\d+)?$/.test(name))
    .flatMap(([, value]) => value.split(/[,;]/))
    .map((k) => decodeBibtexText(k).trim())
    .filter(Boolean);
  return words.length ? [...new Set(words)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())) : undefined;
}

function published(fields: Record<string, string>): string | undefined {
  const date = fields.date ? isoDate(fields.date) : undefined;
  if (date) return date;
  const year = Number(String(fields.year ?? '').match(/\d{4}/)?.[0]);
  if (!year) return undefined;
  const month = fields.month ? monthNumber(fields.month.replace(/[{}]/g, '')) : undefined;
  return ymd(year, month);
}

type VerbatimEntry = ReturnType<typeof readVerbatim>['entries'][number];

/** What a volume gives the entries that cross-reference it (DBLP's and JabRef's `crossref`); its title is their booktitle. */
const INHERITED = ['booktitle', 'journal', 'journaltitle', 'publisher', 'volume', 'series'];
/** Its date too, unless the entry has one. */
const DATED = ['year', 'month', 'date'];
/** Entries that are volumes of papers, not papers, when papers cross-reference them. */
const VOLUME = /^(proceedings|book|collection|periodical|mv\w+)$/i;

/**
 * Each entry's fields with what its `crossref` parent gives, and the parents that are only that (a
 * proceedings volume named by its papers, with no abstract of its own): not papers.
 */
function withCrossrefs(entries: VerbatimEntry[]): { fields: Map<VerbatimEntry, Record<string, string>>; volumes: Set<VerbatimEntry> } {
  const byKey = new Map(entries.map((e) => [e.key.toLowerCase(), e]));
  const fields = new Map<VerbatimEntry, Record<string, string>>();
  const volumes = new Set<VerbatimEntry>();
  for (const e of entries) {
    const parent = e.fields.crossref && byKey.get(e.fields.crossref.trim().toLowerCase());
    if (!parent || parent === e) continue;
    if (VOLUME.test(parent.type) && !parent.fields.abstract?.trim()) volumes.add(parent);
    const dated = e.fields.year?.trim() || e.fields.date?.trim();
    const given = Object.fromEntries([...INHERITED, ...(dated ? [] : DATED)].filter((k) => parent.fields[k]?.trim()).map((k) => [k, parent.fields[k]]));
    if (!given.booktitle && parent.fields.title) given.booktitle = parent.fields.title;
    fields.set(e, { ...given, ...Object.fromEntries(Object.entries(e.fields).filter(([, v]) => v.trim())) });
  }
  return { fields, volumes };
}

function parse({ text }: DigestText): ParsedDigest {
  let library: ReturnType<typeof readVerbatim>;
  try {
    library = readVerbatim(text);
  } catch (error) {
    throw new DigestError('malformed', `${LABEL}: the file could not be read: ${(error as Error).message}`, { format: NAME });
  }
  const out = new EntryCollector(NAME, true);
  const lines = new LineCounter(text);
  let searchFrom = 0;
  for (const error of library.errors) {
    // A macro defined in another file (`booktitle = LNCS`) reads as its name, as BibTeX prints it: the entry is read.
    if (error.error.startsWith('Unresolved @string reference')) continue;
    const head = error.input?.trimStart().slice(0, 200);
    let at = head ? text.indexOf(head, searchFrom) : -1; // on from the last error, as they come in order
    if (head && at < 0) at = text.indexOf(head);
    if (at >= 0) searchFrom = at;
    const reason = /Unterminated brace/i.test(error.error)
      ? 'an entry with an unclosed brace: it runs to the end of the file'
      : error.error.replace(/\s+at line \d+, column \d+/, '');
    out.skip(at >= 0 ? lines.at(at) : 1, error.input?.split('\n', 1)[0] ?? '', reason);
  }
  searchFrom = 0;
  const crossrefs = withCrossrefs(library.entries);
  for (const entry of library.entries) {
    if (!entry.input) continue; // the broken entry, already reported above
    const at = text.indexOf(entry.input, searchFrom);
    if (at >= 0) searchFrom = at + entry.input.length;
    const line = at >= 0 ? lines.at(at) : 1;
    if (crossrefs.volumes.has(entry)) {
      out.skip(line, entry.input.split('\n', 1)[0], 'a volume its papers cross-reference (they take its title and year), not a paper');
      continue;
    }
    const f = crossrefs.fields.get(entry) ?? entry.fields;
    const s = (key: string) => (f[key]?.trim() ? f[key] : undefined);
    const archive = (s('archiveprefix') ?? s('eprinttype') ?? '').toLowerCase();
    const fromDoi = identityFromDoi(s('doi')?.replace(/[{}]/g, '')); // `{10.1000/x}`, or a bare value read as a macro
    const url = s('url');
    const ref =
      (archive === 'arxiv' || !archive ? parseArxivId(s('eprint')) : undefined) ??
      parseArxivId(url) ??
      (fromDoi.arxivId ? { id: fromDoi.arxivId, version: fromDoi.arxivVersion } : undefined) ??
      [s('journal'), s('note'), s('howpublished')].map((t) => parseArxivId(/arXiv:\s*(\S+)/i.exec(t ?? '')?.[1])).find(Boolean);
    // biblatex (Zotero's BibLaTeX export) names two of them its own way: eprintclass, journaltitle.
    const primary = (s('primaryclass') ?? s('eprintclass'))?.trim();
    const journal = s('journal') ?? s('journaltitle') ?? s('booktitle');
    const journalRef =
      journal && !/arxiv|corr/i.test(journal)
        ? [decodeBibtexText(journal), s('volume'), s('pages')?.replace(/-+/g, '–')].filter(Boolean).join(', ')
        : undefined;
    out.add({
      line,
      title: s('title') ? decodeBibtexText(s('title')!) : undefined,
      abstract: s('abstract') ? decodeBibtexText(s('abstract')!) : undefined,
      arxivId: ref?.id,
      arxivVersion: ref?.version,
      doi: fromDoi.doi,
      // "and others" (Google Scholar's way of cutting a list) names no one.
      authors: s('author')
        ? splitNames(s('author')!)
            .map(creatorName)
            .filter((n) => n && !/^others$/i.test(n))
        : undefined,
      published: published(f),
      primaryCategory: primary && isArxivCategory(primary) ? primary : undefined,
      categories: primary && isArxivCategory(primary) ? [primary] : undefined,
      journalRef,
      comment: s('comment') ? normaliseSpace(s('comment')!) : undefined,
      keywords: keywordList(f),
      links: ref ? arxivLinks(ref.id) : { abs: httpsLink(url) },
    });
  }
  return out.result(LABEL, undefined, 'no @entry{…} was found.');
}

export const bibtex: DigestFormat = {
  name: NAME,
  description: "BibTeX entries (arXiv's Export BibTeX citation, Zotero, Google Scholar), LaTeX accents decoded.",
  detect,
  parse,
};
