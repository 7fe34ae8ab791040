/**
 * An L2-regularised, squared-hinge (L2-loss) linear SVM trained by dual coordinate descent
 * (Hsieh et al., ICML 2008; liblinear's solver 1, which scikit-learn's LinearSVC runs for
 * arxiv-sanity). Per-example costs carry the class weights. The bias is a constant feature, so
 * it is regularised as liblinear's is. No library on npm does this for sparse typed arrays on
 * Node 20; the algorithm is forty lines.
 */
import { seededRandom, shuffleInPlace } from './random';

export interface SparseRows {
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

export interface SvmProblem {
  rows: SparseRows;
  features: number;
  /** The training examples: row numbers, labels (+1/-1) and costs C·weight. */
  examples: Int32Array;
  labels: Int8Array;
  costs: Float64Array;
}

export interface SvmOptions {
  /** Passes over the examples at most (default 50). */
  maxEpochs?: number;
  /** Stop when the projected gradient's spread falls below this (default 0.1, liblinear's). */
  tolerance?: number;
  /** The constant feature's value (default 1). */
  bias?: number;
  seed?: number;
}

export interface LinearModel {
  weights: Float64Array;
  bias: number;
  epochs: number;
}

export function trainLinearSvm(p: SvmProblem, o: SvmOptions = {}): LinearModel {
  const { maxEpochs = 50, tolerance = 0.1, bias: B = 1, seed = 1 } = o;
  const { indptr, indices, values } = p.rows;
  const l = p.examples.length;
  const w = new Float64Array(p.features);
  let wb = 0;
  const alpha = new Float64Array(l);
  const diag = new Float64Array(l);
  const qd = new Float64Array(l);
  for (let i = 0; i < l; i++) {
    const r = p.examples[i];
    let sq = B * B;
    for (let k = indptr[r]; k < indptr[r + 1]; k++) sq += values[k] * values[k];
    diag[i] = 0.5 / p.costs[i];
    qd[i] = sq + diag[i];
  }
  const order = Int32Array.from({ length: l }, (_, i) => i);
  const random = seededRandom(seed);
  let epoch = 0;
  for (; epoch < maxEpochs; epoch++) {
    shuffleInPlace(order, random);
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < l; s++) {
      const i = order[s];
      const r = p.examples[i];
      const y = p.labels[i];
      const start = indptr[r];
      const end = indptr[r + 1];
      let dot = wb * B;
      for (let k = start; k < end; k++) dot += w[indices[k]] * values[k];
      const g = y * dot - 1 + diag[i] * alpha[i];
      const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (pg === 0) continue;
      const old = alpha[i];
      alpha[i] = Math.max(old - g / qd[i], 0);
      const step = (alpha[i] - old) * y;
      if (step === 0) continue;
      for (let k = start; k < end; k++) w[indices[k]] += step * values[k];
      wb += step * B;
    }
    if (pgMax - pgMin < tolerance) {
      epoch++;
      break;
    }
  }
  return { weights: w, bias: wb * B, epochs: epoch };
}
