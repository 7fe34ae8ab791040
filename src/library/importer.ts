import { setImmediate as pause } from 'node:timers/promises';
import type { DigestParser } from '../digest/parse-off-thread';
import type { ParsedDigest, SkippedLine } from '../digest/types';
import type { SmartMatch } from '../smart/rules';
import type { Corpus } from './corpus';
import { digestName, type NameHints } from './digest-name';
import { mergeInto } from './merge';
import { StoredPaper } from './stored-paper';
import type { Digest, Paper, StoredEntry } from './types';

export interface ImportRequest extends Omit<NameHints, 'meta' | 'now'> {
  text: string;
  source: Digest['source'];
  /** A format name that overrides detection by content. */
  format?: string;
  /**
   * Keep only the papers this text brings (new ones, newer versions): a listing fetched again the
   * same day, grown since, becomes a digest of what it added, not a second copy of the day.
   */
  onlyNew?: boolean;
}

/** A paper an import brought to a newer arXiv version, for the report. */
export interface RevisedPaper {
  id: string;
  title: string;
  version: number;
}

export interface ImportReport {
  digest: Digest | null;
  /**
   * Set when the very same text was imported before, or a text of that digest's papers and nothing
   * new (the listing downloaded again, only its upvotes changed): no digest was made.
   */
  alreadyImported: Digest | null;
  /** Known papers whose facts (upvotes, ids learnt) a text that brought nothing new updated. */
  updated: number;
  /** Papers of the digest that still have no abstract (a reference's: Google Scholar's BibTeX has none). */
  withoutAbstract: number;
  /** The format the text was read as. */
  format: string;
  added: number;
  merged: number;
  /** Known papers whose title and abstract a newer arXiv version replaced. */
  revised: RevisedPaper[];
  skipped: SkippedLine[];
  /** The reader's smart lists that match papers of this digest, naming them ("7 of 119 match your interests"). */
  matches: SmartMatch[];
  /** Distinct papers of the digest matching at least one smart list, and of those the ones new to the library. */
  matchedPapers: number;
  matchedNewPapers: number;
  /** The matching papers by title, in the digest's order (the first 50). */
  matchedTitles: { id: string; title: string }[];
}

export type Progress = (done: number, total: number) => void;

export interface Imported {
  report: ImportReport;
  newPapers: Paper[];
  /** Known papers whose indexed text changed (re-index them). */
  changedPapers: Paper[];
  /** Every paper of the digest, in its order, once each. */
  paperIds: string[];
}

/**
 * Reads a digest and adds it to the corpus. Throws a DigestError (library untouched) when the
 * text is not a digest; entries are resolved to the papers they are before anything is written.
 * A large digest is parsed in a thread of its own and the rest is done a slice at a time, so the
 * core keeps answering (searches above all) while 10,000 papers come in.
 */
export async function importDigest(corpus: Corpus, parser: DigestParser, req: ImportRequest, progress: Progress = () => {}): Promise<Imported> {
  const { parsed, hash } = await parser.parse(req.text, req.format);
  const base = {
    format: parsed.format,
    skipped: parsed.skipped,
    revised: [] as RevisedPaper[],
    matches: [] as SmartMatch[],
    matchedPapers: 0,
    matchedNewPapers: 0,
    matchedTitles: [] as { id: string; title: string }[],
    updated: 0,
    withoutAbstract: 0,
  };
  const known = corpus.findByContent(hash);
  if (known) {
    return {
      report: { ...base, digest: null, alreadyImported: known, added: 0, merged: parsed.entries.length },
      newPapers: [],
      changedPapers: [],
      paperIds: [],
    };
  }
  progress(0, parsed.entries.length);
  await corpus.prepareImport(pause);
  const resolved = await resolveUpdates(corpus, parsed);
  const { unknown } = resolved;
  const entries = req.onlyNew ? resolved.entries.filter((e) => bringsSomething(corpus, e)) : resolved.entries;
  base.skipped = [...base.skipped, ...unknown];
  progress(entries.length, parsed.entries.length);
  const now = new Date().toISOString();
  const name = digestName({ ...req, meta: parsed.meta, now });
  const nothingNew = !resolved.entries.some((e) => bringsSomething(corpus, e));
  const repeated = nothingNew && !req.onlyNew ? repeatedDigest(corpus, resolved.entries) : undefined;
  if (nothingNew && (req.onlyNew || repeated)) {
    // Not a digest of its own: what it says of known papers (upvotes grown) updates them, as a later source does.
    const changes = resolved.entries.filter((e) => !e.also && changesFacts(corpus.paper(e.id)!, e, now));
    const update = { name, importedAt: now, format: parsed.format, source: req.source, contentHash: hash, paperCount: changes.length };
    const { changedPapers } = changes.length
      ? await corpus.addDigestInSlices({ ...update, updates: repeated ? { repeats: repeated.id } : {} }, changes, pause)
      : { changedPapers: [] };
    return {
      report: { ...base, digest: null, alreadyImported: repeated ?? null, added: 0, merged: resolved.entries.length, updated: changes.length },
      newPapers: [],
      changedPapers,
      paperIds: [],
    };
  }
  const { digest, newPapers, changedPapers, revisedPapers } = await corpus.addDigestInSlices(
    {
      name: unusedName(corpus, name),
      importedAt: now,
      format: parsed.format,
      source: req.source,
      contentHash: hash,
      paperCount: entries.length,
      ...(parsed.meta ? { meta: parsed.meta } : {}),
    },
    entries,
    pause,
  );
  const revised = revisedPapers.map((p) => ({ id: p.id, title: p.title, version: p.arxivVersion ?? 1 }));
  const bare = new Set(entries.filter((e) => !e.abstract.trim()).map((e) => e.id));
  const withoutAbstract = [...bare].filter((id) => !hasAbstract(corpus.paper(id)!)).length;
  return {
    report: { ...base, digest, alreadyImported: null, added: newPapers.length, merged: entries.length - newPapers.length, revised, withoutAbstract },
    newPapers,
    changedPapers,
    paperIds: [...new Set(entries.map((e) => e.id))],
  };
}

/** Whether an entry brings a paper the library lacks, a newer version of one it has, or the abstract one came without. */
export function bringsSomething(corpus: Corpus, e: StoredEntry): boolean {
  const known = corpus.paper(e.id);
  return known === undefined || (e.arxivVersion ?? 0) > (known.arxivVersion ?? 0) || (Boolean(e.abstract.trim()) && !hasAbstract(known));
}

/** Whether a paper has an abstract, without reading a stored one from disk. */
const hasAbstract = (p: Paper) => (p instanceof StoredPaper ? p.hasAbstract : Boolean(p.abstract.trim()));

/** The digest whose papers are exactly these, in any order (a listing downloaded again), if one. */
function repeatedDigest(corpus: Corpus, entries: StoredEntry[]): Digest | undefined {
  const ids = new Set(entries.flatMap((e) => [e.id, ...(e.also ?? [])]));
  const first = entries.length ? corpus.paper(entries[0].id) : undefined;
  for (const { digestId } of first?.appearances ?? []) {
    const within = (p: Paper | undefined) => Boolean(p?.appearances.some((a) => a.digestId === digestId));
    if (![...ids].every((id) => within(corpus.paper(id)))) continue;
    // All of these are in it: is anything else? Counted only here, where a repeat is likely.
    let size = 0;
    for (const p of corpus.papers) if (within(p)) size++;
    if (size === ids.size) return corpus.digest(digestId);
  }
  return undefined;
}

/** Whether merging an entry would change what the library knows of its paper (merge.ts decides). */
function changesFacts(paper: Paper, e: StoredEntry, now: string): boolean {
  const copy: Paper = { ...structuredClone(paper), abstract: paper.abstract }; // a clone leaves a stored abstract out
  mergeInto(copy, e, now);
  return JSON.stringify(copy) !== JSON.stringify(paper);
}

/** The name, or with a number when a digest has it already: "arXiv cs.CL 2024-01-22 (2)" for the day's second listing. */
function unusedName(corpus: Corpus, name: string): string {
  const taken = new Set(corpus.digests.map((d) => d.name));
  let unused = name;
  for (let n = 2; taken.has(unused); n++) unused = `${name} (${n})`;
  return unused;
}

/**
 * Resolves the digest's papers, then its entries without an abstract (a listing's replacement
 * notice): those update papers the library or this digest has, and add none.
 */
async function resolveUpdates(corpus: Corpus, parsed: ParsedDigest): Promise<{ entries: StoredEntry[]; unknown: SkippedLine[] }> {
  const all = await corpus.resolveInSlices([...parsed.entries, ...parsed.withoutAbstract], pause);
  const papers = all.slice(0, parsed.entries.length);
  const present = new Set(papers.map((e) => e.id));
  const updates = all.slice(parsed.entries.length);
  const known = updates.filter((e) => present.has(e.id) || corpus.paper(e.id));
  const unknown = parsed.withoutAbstract
    .filter((_, i) => !known.includes(updates[i]))
    .map((e) => ({ line: e.line, text: e.title.slice(0, 120), reason: 'no abstract, and not a paper in your library: nothing to update' }));
  return { entries: [...papers, ...known], unknown };
}
