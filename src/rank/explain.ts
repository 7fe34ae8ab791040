/**
 * Why a paper ranks high: the terms that add most to its score (weight × its TF-IDF value), and
 * how many of the reader's papers share them (only terms some of them contain are named) — "shares kv cache, speculative decoding with 3
 * papers you starred". Terms overlapping a stronger one ("kv" after "kv cache") are skipped, so
 * the reason names distinct ideas; generic words ("method", "results") are never named.
 */
import { type FeatureMatrix, valueAt } from './features';
import { type InterestModel, RankError, vocabularyOf } from './interest-model';
import { isShownTerm, phrasesOf } from './terms';

export interface ExplainOptions {
  /** How many terms to name at most (default 3). */
  maxTerms?: number;
  /** Ends the sentence: "papers you starred" (default), "papers tagged reasoning"… as a [one, many] pair. */
  noun?: [one: string, many: string];
  /**
   * The paper's text (title and abstract): when given, a phrase is named only as the text has
   * it ("kv cache", not "half keeping" joined across "the"). Features join words across stop
   * words, as scikit-learn does; a reason must read like the paper.
   */
  text?: string;
}

export interface Explanation {
  /** Strongest first. */
  terms: string[];
  /** The positives (other than the paper itself) that contain at least one of the terms. */
  sharedWith: string[];
  reason: string;
}

/** Null when nothing the paper contains pulls its score up (or the paper is unknown). */
export function explain(
  model: InterestModel,
  m: FeatureMatrix,
  paperId: string,
  positiveIds: readonly string[] = model.positives,
  o: ExplainOptions = {},
): Explanation | null {
  if (model.vocabulary !== vocabularyOf(m)) throw new RankError('the model was trained on other features: retrain it after rebuilding the features');
  const { maxTerms = 3, noun = ['paper you starred', 'papers you starred'] } = o;
  const phrases = o.text === undefined ? undefined : phrasesOf(o.text);
  const r = m.rowOf.get(paperId);
  if (r === undefined) return null;
  const own = new Map<string, number>();
  for (let k = m.indptr[r]; k < m.indptr[r + 1]; k++) own.set(m.terms[m.indices[k]], model.weights[m.indices[k]] * m.values[k]);
  // A bigram stands for its words too ("kv cache" rather than "kv" and "cache" apart): its weight
  // is its own contribution plus its words'.
  const contributions: { f: number; c: number }[] = [];
  for (let k = m.indptr[r]; k < m.indptr[r + 1]; k++) {
    const term = m.terms[m.indices[k]];
    let c = own.get(term)!;
    if (c <= 0) continue;
    const space = term.indexOf(' ');
    if (space > 0) c += Math.max(0, own.get(term.slice(0, space)) ?? 0) + Math.max(0, own.get(term.slice(space + 1)) ?? 0);
    contributions.push({ f: m.indices[k], c });
  }
  contributions.sort((a, b) => b.c - a.c || a.f - b.f);
  // The other positives, whose rows tell which terms are really shared.
  const others: { id: string; row: number }[] = [];
  const seen = new Set<number>([r]);
  for (const id of positiveIds) {
    const p = m.rowOf.get(id);
    if (p === undefined || seen.has(p)) continue;
    seen.add(p);
    others.push({ id, row: p });
  }
  const chosen: number[] = [];
  const usedWords = new Set<string>();
  const shared = new Set<string>();
  for (const { f } of contributions) {
    const term = m.terms[f];
    const words = term.split(' ');
    if (words.some((w) => usedWords.has(w)) || !isShownTerm(term) || (phrases && !phrases.has(term))) continue;
    // Only what the reader's papers contain too: the reason must be literally true.
    const holders = others.filter((o) => valueAt(m, o.row, f) > 0);
    if (holders.length === 0 && others.length > 0) continue;
    chosen.push(f);
    for (const w of words) usedWords.add(w);
    for (const h of holders) shared.add(h.id);
    if (chosen.length === maxTerms) break;
  }
  if (chosen.length === 0) return null;
  const sharedWith = others.filter((o) => shared.has(o.id)).map((o) => o.id);
  const terms = chosen.map((f) => m.terms[f]);
  const k = sharedWith.length;
  const reason = k > 0 ? `shares ${terms.join(', ')} with ${k} ${k === 1 ? noun[0] : noun[1]}` : `mentions ${terms.join(', ')}`;
  return { terms, sharedWith, reason };
}
