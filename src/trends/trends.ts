/**
 * Trends across digests: papers per digest over time (by the day each digest covers, per kind of
 * source), and the terms rising this week against the weeks before. A term's document frequency
 * is counted per period over the papers of the digests dated in it; its rising score compares
 * this week's count with what the weeks before would predict, plus a floor of a few papers, so a
 * term seen twice this week and never before does not outrank one that went from 10 to 40.
 * Only the weeks compared are read, so a year of daily digests costs what five weeks cost.
 */
import type { Corpus } from '../library/corpus';
import type { Digest, Paper } from '../library/types';
import { isShownTerm, termRuns } from '../rank/terms';

export interface TrendsQuery {
  /** The last day of "this week" (YYYY-MM-DD); default today, or the last digest's day if none came since. */
  until?: string;
  /** Weeks before this one to compare with (default 4). */
  weeks?: number;
  /** Rising terms to return (default 20). */
  limit?: number;
}

export interface RisingTerm {
  term: string;
  /** Papers using it this week. */
  thisWeek: number;
  /** Papers using it in the weeks before, per week on average. */
  perWeekBefore: number;
  score: number;
}

export interface Trends {
  /** Every digest, by the day it covers (oldest first). */
  digests: { id: string; name: string; date: string; kind: string; papers: number }[];
  /** Papers per day, one series per kind of source (for a chart). */
  series: { kind: string; points: { date: string; papers: number }[] }[];
  rising: RisingTerm[];
  window: { from: string; until: string; baselineFrom: string; papersThisWeek: number; papersBefore: number };
}

/** A term must be in this many of this week's papers to count as rising. */
export const MIN_PAPERS = 3;
/** Papers added to what the weeks before predict: the floor that keeps rare terms from dominating. */
export const FLOOR = 3;
/** A term in more than this share of the week's papers is the field itself, not a trend. */
const MAX_SHARE = 0.5;
const DAY = 86_400_000;

const KINDS: Record<string, string> = {
  'hf-daily-papers': 'Hugging Face',
  'arxiv-rss': 'arXiv',
  'arxiv-api': 'arXiv',
  'arxiv-email': 'arXiv',
  'trending-papers': 'Trending papers',
  bibtex: 'References',
  ris: 'References',
  'csl-json': 'References',
};
export const kindOf = (d: Digest) => KINDS[d.format] ?? d.format;
/** The day a digest covers: what it said of itself, else the day it was imported. */
export const dayOf = (d: Digest) => (d.meta?.date && /^\d{4}-\d{2}-\d{2}$/.test(d.meta.date) ? d.meta.date : d.importedAt.slice(0, 10));
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/**
 * Distinct terms (words and two-word phrases) of each paper, as numbers, kept per paper and text
 * revision: counting a week's terms is then adding into an array, not hashing strings.
 */
export class TermCache {
  readonly #ids = new Map<string, number>();
  readonly terms: string[] = [];
  readonly #papers = new Map<string, { rev: number; terms: Int32Array }>();
  constructor(private readonly max = 50_000) {}

  #id(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.#ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  of(p: Paper): Int32Array {
    const hit = this.#papers.get(p.id);
    if (hit && hit.rev === p.rev) return hit.terms;
    const ids = new Set<number>();
    // Phrases as the text has them: not across a stop word, a comma, or from title into abstract.
    for (const tokens of [...termRuns(p.title), ...termRuns(p.abstract)]) {
      for (let i = 0; i < tokens.length; i++) {
        ids.add(this.#id(tokens[i]));
        if (i > 0) ids.add(this.#id(`${tokens[i - 1]} ${tokens[i]}`));
      }
    }
    const terms = Int32Array.from(ids);
    if (this.#papers.size >= this.max) this.#papers.delete(this.#papers.keys().next().value!);
    this.#papers.set(p.id, { rev: p.rev, terms });
    return terms;
  }
}

/** Papers per term (by the cache's numbers) over these papers. */
function countTerms(papers: readonly Paper[], cache: TermCache): Int32Array {
  const rows = papers.map((p) => cache.of(p)); // first: the cache may learn new terms
  const df = new Int32Array(cache.terms.length);
  for (const row of rows) for (let k = 0; k < row.length; k++) df[row[k]]++;
  return df;
}

/** Terms by how much more this week's papers use them than the weeks before predict (see FLOOR). */
export function risingTerms(
  terms: readonly string[],
  thisWeek: ArrayLike<number>,
  papersNow: number,
  before: ArrayLike<number>,
  papersBefore: number,
  weeks: number,
  limit: number,
): RisingTerm[] {
  const scored: RisingTerm[] = [];
  for (let t = 0; t < thisWeek.length; t++) {
    const n = thisWeek[t];
    if (n < MIN_PAPERS || n > papersNow * MAX_SHARE || !isShownTerm(terms[t])) continue;
    const was = before[t] ?? 0;
    const expected = papersBefore ? (was / papersBefore) * papersNow : 0;
    if (n <= expected) continue;
    const score = (n + 1) / (expected + FLOOR);
    scored.push({ term: terms[t], thisWeek: n, perWeekBefore: Math.round((was / weeks) * 10) / 10, score: Math.round(score * 100) / 100 });
  }
  const words = (t: RisingTerm) => t.term.split(' ');
  scored.sort((a, b) => b.score - a.score || b.thisWeek - a.thisWeek || words(b).length - words(a).length || a.term.localeCompare(b.term));
  // A word that a chosen phrase already says, nearly as often ("kv" beside "kv cache"), adds
  // nothing; a phrase that says more than a chosen word takes its place.
  const chosen: RisingTerm[] = [];
  const near = (a: RisingTerm, b: RisingTerm) => a.thisWeek >= 0.8 * b.thisWeek;
  for (const t of scored) {
    const mine = words(t);
    if (chosen.some((c) => near(c, t) && mine.every((w) => words(c).includes(w)))) continue;
    const covered = chosen.flatMap((c, i) => (mine.length > 1 && !c.term.includes(' ') && mine.includes(c.term) && near(t, c) ? [i] : []));
    if (covered.length) {
      chosen[covered[0]] = t;
      for (const i of covered.slice(1).reverse()) chosen.splice(i, 1);
    } else chosen.push(t);
    if (chosen.length === limit) break;
  }
  return chosen;
}

export function computeTrends(corpus: Corpus, cache: TermCache, today: string, q: TrendsQuery = {}): Trends {
  const { weeks = 4, limit = 20 } = q;
  // "This week" ends today, or at the last digest when none came since: a reader back from a
  // month away sees the last week they read, not an empty one.
  const latest = corpus.digests.reduce((m, d) => (dayOf(d) > m ? dayOf(d) : m), '');
  const until = q.until ?? (latest && latest < today ? latest : today);
  const from = addDays(until, -6);
  const baselineFrom = addDays(from, -7 * weeks);
  const digests = corpus.digests
    .map((d) => ({ d, date: dayOf(d) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.d.importedAt.localeCompare(b.d.importedAt));
  const perDay = new Map<string, Map<string, number>>();
  for (const { d, date } of digests) {
    const kind = kindOf(d);
    const days = perDay.get(kind) ?? perDay.set(kind, new Map()).get(kind)!;
    days.set(date, (days.get(date) ?? 0) + d.paperCount);
  }
  // The papers of each period, once each, from the digests dated in it.
  const period = new Map<string, 'now' | 'before'>();
  for (const { d, date } of digests) if (date >= baselineFrom && date <= until) period.set(d.id, date >= from ? 'now' : 'before');
  const now: Paper[] = [];
  const before: Paper[] = [];
  if (period.size) {
    for (const p of corpus.papers) {
      const where = p.appearances.map((a) => period.get(a.digestId));
      if (where.includes('now')) now.push(p);
      if (where.includes('before')) before.push(p);
    }
  }
  let rising: RisingTerm[] = [];
  if (now.length) {
    const dfNow = countTerms(now, cache);
    const dfBefore = countTerms(before, cache);
    rising = risingTerms(cache.terms, dfNow, now.length, dfBefore, before.length, weeks, limit);
  }
  return {
    digests: digests.map(({ d, date }) => ({ id: d.id, name: d.name, date, kind: kindOf(d), papers: d.paperCount })),
    series: [...perDay].map(([kind, days]) => ({ kind, points: [...days].map(([date, papers]) => ({ date, papers })) })),
    rising,
    window: { from, until, baselineFrom, papersThisWeek: now.length, papersBefore: before.length },
  };
}
