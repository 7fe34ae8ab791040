import { parse as parseBibtex, type Creator } from '@retorquere/bibtex-parser';
import { arxivLinks, httpsLink, identityFromDoi, isArxivCategory, parseArxivId } from '../arxiv';
import { DigestError } from '../errors';
import { EntryCollector } from '../entry';
import { decodeBibtexText } from '../latex';
import { isoDate, lineAt, monthNumber, naturalName, normaliseSpace, ymd } from '../text';
import type { DigestFormat, DigestText, ParsedDigest } from '../types';

/**
 * BibTeX (`@misc`, `@article`, `@inproceedings`, …), read with @retorquere/bibtex-parser in raw
 * mode so that maths stays LaTeX in titles; accents, escapes and grouping braces are decoded here.
 * arXiv's own export (`eprint`, `archivePrefix`, `primaryClass`) gives the arXiv id. arXiv's export
 * has no abstract: such entries come back in `withoutAbstract`, able to update known papers.
 */

const NAME = 'bibtex';
const LABEL = 'BibTeX';
const ENTRY_START = /^[ \t]*@(?!comment\b|string\b|preamble\b)([A-Za-z]+)[ \t]*[{(]/im;

function detect({ text }: DigestText): number {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[') || start.startsWith('<')) return 0;
  const head = text.slice(0, 65536);
  const m = ENTRY_START.exec(head);
  if (!m) return 0;
  return /=/.test(head.slice(m.index, m.index + 2000)) ? 0.95 : 0.5;
}

function creatorName(c: Creator): string {
  // The parser leaves "von Last, Jr, First" whole, and an organisation braced ({Google, Inc.}): kept as written.
  if (c.name) return /^\{[^]*\}$/.test(c.name.trim()) ? decodeBibtexText(c.name) : naturalName(decodeBibtexText(c.name));
  const parts = [c.firstName, c.prefix, c.lastName].filter(Boolean).join(' ');
  return decodeBibtexText(c.suffix ? `${parts}, ${c.suffix}` : parts);
}

function published(fields: Record<string, unknown>): string | undefined {
  const date = typeof fields.date === 'string' ? isoDate(fields.date) : undefined;
  if (date) return date;
  const year = Number(String(fields.year ?? '').match(/\d{4}/)?.[0]);
  if (!year) return undefined;
  const month = typeof fields.month === 'string' ? monthNumber(fields.month.replace(/[{}]/g, '')) : undefined;
  return ymd(year, month);
}

function parse({ text }: DigestText): ParsedDigest {
  let library: ReturnType<typeof parseBibtex>;
  try {
    library = parseBibtex(text, { raw: true, english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore' });
  } catch (error) {
    throw new DigestError('malformed', `${LABEL}: the file could not be read: ${(error as Error).message}`, { format: NAME });
  }
  const out = new EntryCollector(NAME);
  let searchFrom = 0;
  const lineOf = (input: string | undefined) => {
    if (!input) return 1;
    const at = text.indexOf(input.trimStart().slice(0, 200), 0);
    return at >= 0 ? lineAt(text, at) : 1;
  };
  for (const error of library.errors) {
    const line = lineOf(error.input);
    const reason = /Unterminated brace/i.test(error.error)
      ? 'an entry with an unclosed brace: it runs to the end of the file'
      : error.error.replace(/\s+at line \d+, column \d+/, '');
    out.skip(line, error.input?.split('\n', 1)[0] ?? '', reason);
  }
  for (const entry of library.entries) {
    if (!entry.input) continue; // the broken entry, already reported above
    const at = text.indexOf(entry.input, searchFrom);
    if (at >= 0) searchFrom = at + entry.input.length;
    const line = at >= 0 ? lineAt(text, at) : 1;
    const f = entry.fields as Record<string, unknown>;
    const s = (key: string) => (typeof f[key] === 'string' ? (f[key] as string) : undefined);
    const archive = (s('archiveprefix') ?? s('eprinttype') ?? '').toLowerCase();
    const fromDoi = identityFromDoi(s('doi'));
    const url = s('url');
    const ref =
      (archive === 'arxiv' || !archive ? parseArxivId(s('eprint')) : undefined) ??
      parseArxivId(url) ??
      (fromDoi.arxivId ? { id: fromDoi.arxivId, version: fromDoi.arxivVersion } : undefined) ??
      [s('journal'), s('note'), s('howpublished')].map((t) => parseArxivId(/arXiv:\s*(\S+)/i.exec(t ?? '')?.[1])).find(Boolean);
    const primary = s('primaryclass')?.trim();
    const journal = s('journal') ?? s('booktitle');
    const journalRef =
      journal && !/arxiv|corr/i.test(journal)
        ? [decodeBibtexText(journal), s('volume'), s('pages')?.replace(/-+/g, '–')].filter(Boolean).join(', ')
        : undefined;
    const keywords = Array.isArray(f.keywords) ? (f.keywords as string[]).map((k) => decodeBibtexText(k)) : undefined;
    out.add({
      line,
      title: s('title') ? decodeBibtexText(s('title')!) : undefined,
      abstract: s('abstract') ? decodeBibtexText(s('abstract')!) : undefined,
      arxivId: ref?.id,
      arxivVersion: ref?.version,
      doi: fromDoi.doi,
      // "and others" (Google Scholar's way of cutting a list) names no one.
      authors: Array.isArray(f.author) ? (f.author as Creator[]).map(creatorName).filter((n) => n && !/^others$/i.test(n)) : undefined,
      published: published(f),
      primaryCategory: primary && isArxivCategory(primary) ? primary : undefined,
      categories: primary && isArxivCategory(primary) ? [primary] : undefined,
      journalRef,
      comment: s('comment') ? normaliseSpace(s('comment')!) : undefined,
      keywords,
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
