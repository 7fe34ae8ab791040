import { PackedTerm } from './packed-postings';
import { typoDistance, type PlannedTerm } from './query-plan';
import type { TermTable } from './term-table';

/** A term's postings by field, as MiniSearch keeps them. */
export type TermData = Map<number, Map<number, number>>;

/** A word of the index a query word matches, and how much it counts. */
export interface Expansion {
  term: string;
  data: TermData;
  weight: number;
}

/** Postings, and words, read at most for the words a short prefix begins. */
const PREFIX_BUDGET = 50_000;
const PREFIX_WORDS = 500;

/**
 * Like MiniSearch's executeQuerySpec: the word itself, the words it begins, the words near it.
 * A short prefix ("re", "sp") begins thousands of words at 100,000 papers: past a budget of
 * postings or of words, only its most used words are read — what a reader typing two letters
 * likely means — so a key costs the same at any library size. The ranking of complete words is
 * MiniSearch's.
 */
export function* expand(terms: TermTable, t: PlannedTerm, weights: { fuzzy: number; prefix: number }, maxFuzzy: number): Generator<Expansion> {
  const exact = terms.get(t.term);
  if (exact) yield { term: t.term, data: exact, weight: 1 };
  let near: Map<string, [TermData, number]> | undefined;
  const distance = typoDistance(t, maxFuzzy);
  if (distance) near = terms.fuzzyGet(t.term, distance);
  if (t.prefix) {
    const begun: { term: string; data: TermData; postings: number }[] = [];
    let postings = 0;
    terms.eachBegun(t.term, (term, data) => {
      if (term.length === t.term.length) return;
      near?.delete(term);
      let n = 0;
      if (data instanceof PackedTerm) n = data.postings;
      else for (const p of data.values()) n += p.size;
      begun.push({ term, data, postings: n });
      postings += n;
    });
    const capped = postings > PREFIX_BUDGET || begun.length > PREFIX_WORDS;
    if (capped) begun.sort((a, b) => b.postings - a.postings);
    let read = 0;
    for (const [i, { term, data, postings: n }] of begun.entries()) {
      if (capped && i > 0 && (read + n > PREFIX_BUDGET || i >= PREFIX_WORDS)) break;
      read += n;
      const distance = term.length - t.term.length;
      yield { term, data, weight: (weights.prefix * term.length) / (term.length + 0.3 * distance) };
    }
  }
  for (const [term, [data, distance]] of near ?? []) {
    if (distance) yield { term, data, weight: (weights.fuzzy * term.length) / (term.length + distance) };
  }
}
