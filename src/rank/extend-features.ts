/**
 * New papers into existing features without refitting: their rows use the vocabulary and idf
 * already chosen, so models trained on the matrix stay valid and a daily fetch costs only its own
 * papers. Terms new to the library count once the features are rebuilt (say, weekly or at 10%
 * growth); until then the idf of the old library is a close estimate.
 */
import type { FeatureMatrix, PaperText } from './features';
import { rankTokens } from './terms';

/** A new matrix: the old rows, then one per new paper (an id already present is left as it was). */
export function addPapers(m: FeatureMatrix, papers: readonly PaperText[]): FeatureMatrix {
  const taken = new Set(m.rowOf.keys());
  const fresh = papers.filter((p) => !taken.has(p.id) && taken.add(p.id));
  const rows = fresh.map((p) => rowOf(m, `${p.title}\n${p.abstract}`));
  const extra = rows.reduce((s, r) => s + r.idx.length, 0);
  const n = m.ids.length;
  const indptr = new Int32Array(n + fresh.length + 1);
  indptr.set(m.indptr);
  const indices = new Int32Array(m.indices.length + extra);
  const values = new Float32Array(m.values.length + extra);
  indices.set(m.indices);
  values.set(m.values);
  let at = m.indices.length;
  rows.forEach((r, i) => {
    indices.set(r.idx, at);
    values.set(r.val, at);
    at += r.idx.length;
    indptr[n + i + 1] = at;
  });
  const rowOfId = new Map(m.rowOf);
  fresh.forEach((p, i) => rowOfId.set(p.id, n + i));
  return { ...m, ids: [...m.ids, ...fresh.map((p) => p.id)], rowOf: rowOfId, indptr, indices, values };
}

function rowOf(m: FeatureMatrix, text: string): { idx: Int32Array; val: Float32Array } {
  const tokens = rankTokens(text);
  const counts = new Map<number, number>();
  const bump = (f: number | undefined) => {
    if (f !== undefined) counts.set(f, (counts.get(f) ?? 0) + 1);
  };
  for (let i = 0; i < tokens.length; i++) {
    bump(m.termIndex.get(tokens[i]));
    if (i > 0 && m.options.bigrams) bump(m.termIndex.get(`${tokens[i - 1]} ${tokens[i]}`));
  }
  const idx = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const val = new Float32Array(idx.length);
  let norm = 0;
  idx.forEach((f, k) => {
    const v = (1 + Math.log(counts.get(f)!)) * m.idf[f];
    val[k] = v;
    norm += v * v;
  });
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < val.length; k++) val[k] /= norm;
  return { idx, val };
}
