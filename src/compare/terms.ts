import type { Paper } from '../library/types';
import { type Counts, termFrequencies, type TermStats } from '../search/distinctive';

/** A distinctive term that two or more of the compared papers use. */
export interface SharedTerm {
  term: string;
  /** The compared papers that use it, in the comparison's order. */
  paperIds: string[];
  weight: number;
}

export interface TermComparison {
  shared: SharedTerm[];
  /** paper id → its most distinctive terms that no other compared paper uses */
  own: Record<string, string[]>;
}

/**
 * TF-IDF weights of a paper's terms against the library (`counts` covering the paper): frequent
 * in the paper (title words count double), rare in the library. Generic words are left out, and
 * so are tokens that start with a digit (175b, 16gb): those are figures, which the claims show.
 */
export function termWeights(counts: Counts, paper: Pick<Paper, 'title' | 'abstract'>): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [term, n] of termFrequencies(paper)) {
    if (/^\d/.test(term) || GENERIC.has(term)) continue;
    const w = (1 + Math.log(n)) * counts.idf(term);
    if (w > 0) weights.set(term, w);
  }
  return weights;
}

/**
 * Words every paper may use whatever its subject. A library of a few hundred papers on one field
 * is too small for IDF alone to tell "reduces" or "superior" from "cache": they are rare in it,
 * yet say nothing of what two papers share. Function words are here too (the search index keeps
 * its own list).
 */
const GENERIC = new Set(
  `about above across after again against along also although among and another any are around based because been before
  being below between both but can cannot could did does doing done down during each either enable enables enabled
  enabling especially even ever every few for from further given had has have having here how however into its itself
  just many may might more most much must near nearly not now off often once only onto other others our ours out over
  own per rather same several should since some such than that the their them themselves then there these they this those
  though through thus too under until upon very was way ways were what when where whether which while who whose why will
  with within without would yet you your
  able achieve achieves achieved achieving address addresses addressing allow allows approach approaches based
  challenge challenges challenging compared comparable comprehensive consider considers demonstrate demonstrates
  demonstrated different effective effectively efficient efficiently enhance enhances enhancing existing experiments
  extensive first furthermore high highly improve improves improved improving including increase increases increasing
  introduce introduces key large leading leverage leverages leveraging like make makes making method methods multiple
  new novel number paper particular particularly perform performed performing performs present presents previous prior
  problem problems propose proposed
  proposes provide provides providing recent recently reduce reduces reduced reducing require requires requiring
  respectively result results second show shows shown significant significantly similar simple single solving specific
  specifically state study superior task tasks third three traditional two unlike various well whole work works
  available code higher lower better demand response best crucial face faces thereby effectiveness generating due usage
  involve involves art techniques strategies via less quickly easily directly typically largely mainly widely greatly`.split(/\s+/),
);

/** idf ≥ 1: used by at most about a third (1/e) of the library, else it is the library's common ground. */
const MIN_SHARED_IDF = 1;

const byWeight = (a: { term: string; weight: number }, b: { term: string; weight: number }) => b.weight - a.weight || a.term.localeCompare(b.term);

/**
 * What the compared papers have in common and what is each one's own. A shared term is used by
 * at least two of them, is not used by most of the library, and weighs the sum of its TF-IDF in
 * each, so "model" or "llm" do not crowd out "cache" or "batch". Document frequencies come
 * from `stats`, computed once per library state and again after an import.
 */
export async function compareTerms(stats: TermStats, papers: Paper[], limits = { shared: 12, own: 8 }): Promise<TermComparison> {
  const counts = await stats.counts(papers);
  const weights = papers.map((p) => termWeights(counts, p));
  const users = new Map<string, number[]>();
  weights.forEach((w, i) => {
    for (const term of w.keys()) users.set(term, [...(users.get(term) ?? []), i]);
  });
  const shared = [...users]
    .filter(([term, at]) => at.length >= 2 && counts.idf(term) >= MIN_SHARED_IDF)
    .map(([term, at]) => ({ term, paperIds: at.map((i) => papers[i].id), weight: at.reduce((sum, i) => sum + weights[i].get(term)!, 0) }))
    .sort(byWeight)
    .slice(0, limits.shared);
  const own: Record<string, string[]> = {};
  papers.forEach((p, i) => {
    own[p.id] = [...weights[i]]
      .filter(([term]) => users.get(term)!.length === 1)
      .map(([term, weight]) => ({ term, weight }))
      .sort(byWeight)
      .slice(0, limits.own)
      .map((t) => t.term);
  });
  return { shared, own };
}
