/**
 * Similarity to the reader's papers: each paper's cosine with the mean of the positives' TF-IDF
 * rows (Rocchio's centroid, as classic relevance feedback scores). Rows are l2-normalised, so this
 * is a dot product with one dense vector. The bench compares it with the SVM and with both.
 */
import type { FeatureMatrix } from './features';

/** The mean of the rows of `ids` (those the features know), as a dense vector. */
export function centroidOf(m: FeatureMatrix, ids: readonly string[]): Float32Array {
  const c = new Float32Array(m.terms.length);
  const rows = [...new Set(ids.map((id) => m.rowOf.get(id)).filter((r): r is number => r !== undefined))];
  for (const r of rows) for (let k = m.indptr[r]; k < m.indptr[r + 1]; k++) c[m.indices[k]] += m.values[k] / rows.length;
  return c;
}

export function similarityOf(m: FeatureMatrix, centroid: Float32Array, r: number): number {
  let s = 0;
  for (let k = m.indptr[r]; k < m.indptr[r + 1]; k++) s += centroid[m.indices[k]] * m.values[k];
  return s;
}

/** Scores standardised over a set of papers (mean 0, deviation 1), so two kinds of score can be added fairly. */
export function standardise(scores: Float64Array | Float32Array): Float64Array {
  const n = scores.length;
  let mean = 0;
  for (const s of scores) mean += s / n;
  let v = 0;
  for (const s of scores) v += (s - mean) ** 2 / n;
  const sd = Math.sqrt(v) || 1;
  return Float64Array.from(scores, (s) => (s - mean) / sd);
}
