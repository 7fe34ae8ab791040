/**
 * "Best for you": a linear model of the reader's interests over TF-IDF features, as arxiv-sanity
 * ranks (serve.py): a class-balanced linear SVM per tag, or over all the reader's positive signals,
 * with every other paper as a negative. Here explicit negatives ("not interested", skipped) weigh
 * twice an unlabelled paper, and at most `maxUnlabelled` unlabelled papers are sampled (seeded),
 * which keeps a retrain at 100,000 papers well under two seconds.
 */
import type { FeatureMatrix } from './features';
import { trainLinearSvm } from './linear-svm';
import { seededRandom, shuffleInPlace } from './random';

export const MIN_POSITIVES = 3;

export interface TrainOptions {
  /** Regularisation: smaller is smoother (default 0.1; arxiv-sanity's C is 0.01 over far larger libraries). */
  c?: number;
  /** Unlabelled papers taken as negatives at most (default 20,000). */
  maxUnlabelled?: number;
  /** With this many explicit negatives or more, unlabelled papers are left out (default 1,000). */
  enoughNegatives?: number;
  seed?: number;
  maxEpochs?: number;
}

export interface InterestModel {
  weights: Float32Array;
  bias: number;
  /** The papers it learned from, as given (known to the features). */
  positives: string[];
  negatives: { explicit: number; unlabelled: number };
  epochs: number;
  /** Which feature matrix's vocabulary the weights belong to. */
  vocabulary: string;
}

export type TrainResult = { ok: true; model: InterestModel } | { ok: false; reason: 'not-enough-signal'; message: string; positives: number; needed: number };

export interface RankedPaper {
  id: string;
  score: number;
}

export class RankError extends Error {
  override readonly name = 'RankError';
}

const fingerprints = new WeakMap<FeatureMatrix, string>();

/** A short fingerprint of a matrix's vocabulary (FNV-1a over its terms), to refuse a model trained on another. */
export function vocabularyOf(m: FeatureMatrix): string {
  let f = fingerprints.get(m);
  if (f === undefined) {
    let h = 0x811c9dc5;
    for (const t of m.terms) {
      for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
      h = Math.imul(h ^ 0x1f, 0x01000193);
    }
    f = `${m.terms.length}:${(h >>> 0).toString(16)}`;
    fingerprints.set(m, f);
  }
  return f;
}

function rowsOf(m: FeatureMatrix, ids: readonly string[]): number[] {
  const rows = new Set<number>();
  for (const id of ids) {
    const r = m.rowOf.get(id);
    if (r !== undefined) rows.add(r);
  }
  return [...rows];
}

export function train(m: FeatureMatrix, positives: readonly string[], negatives: readonly string[] = [], o: TrainOptions = {}): TrainResult {
  const { c = 0.1, maxUnlabelled = 20_000, enoughNegatives = 1_000, seed = 1, maxEpochs } = o;
  const pos = rowsOf(m, positives);
  if (pos.length < MIN_POSITIVES) {
    return {
      ok: false,
      reason: 'not-enough-signal',
      positives: pos.length,
      needed: MIN_POSITIVES,
      message: `not enough signal yet: star, tag or read at least ${MIN_POSITIVES} papers (${pos.length} so far)`,
    };
  }
  const isPos = new Set(pos);
  const neg = rowsOf(m, negatives).filter((r) => !isPos.has(r));
  const isNeg = new Set(neg);
  let unlabelled: number[] = [];
  if (neg.length < enoughNegatives) {
    for (let r = 0; r < m.ids.length; r++) if (!isPos.has(r) && !isNeg.has(r)) unlabelled.push(r);
    if (unlabelled.length > maxUnlabelled)
      unlabelled = shuffleInPlace(unlabelled, seededRandom(seed ^ 0x9e3779b9))
        .slice(0, maxUnlabelled)
        .sort((a, b) => a - b);
  }
  const l = pos.length + neg.length + unlabelled.length;
  if (neg.length + unlabelled.length === 0) throw new RankError('nothing to tell the papers you like from: every paper is a positive');
  const examples = new Int32Array(l);
  const labels = new Int8Array(l);
  const costs = new Float64Array(l);
  // Class-balanced as LinearSVC(class_weight='balanced'): each class carries half the total cost.
  const posCost = (c * l) / (2 * pos.length);
  const negUnits = 2 * neg.length + unlabelled.length;
  const unitCost = (c * l) / (2 * negUnits);
  let i = 0;
  for (const r of pos) [examples[i], labels[i], costs[i++]] = [r, 1, posCost];
  for (const r of neg) [examples[i], labels[i], costs[i++]] = [r, -1, 2 * unitCost];
  for (const r of unlabelled) [examples[i], labels[i], costs[i++]] = [r, -1, unitCost];
  const fit = trainLinearSvm({ rows: m, features: m.terms.length, examples, labels, costs }, { seed, maxEpochs });
  return {
    ok: true,
    model: {
      weights: Float32Array.from(fit.weights),
      bias: fit.bias,
      positives: pos.map((r) => m.ids[r]),
      negatives: { explicit: neg.length, unlabelled: unlabelled.length },
      epochs: fit.epochs,
      vocabulary: vocabularyOf(m),
    },
  };
}

/** A model per tag, each tag's papers against the rest (arxiv-sanity's per-tag SVMs). */
export function trainPerTag(
  m: FeatureMatrix,
  tagged: Readonly<Record<string, readonly string[]>>,
  negatives: readonly string[] = [],
  o?: TrainOptions,
): Map<string, TrainResult> {
  const out = new Map<string, TrainResult>();
  for (const tag of Object.keys(tagged).sort()) out.set(tag, train(m, tagged[tag], negatives, o));
  return out;
}

function checkVocabulary(model: InterestModel, m: FeatureMatrix): void {
  if (model.vocabulary !== vocabularyOf(m)) throw new RankError('the model was trained on other features: retrain it after rebuilding the features');
}

/** The model's score of one row: w·x + b. */
export function scoreRow(model: InterestModel, m: FeatureMatrix, r: number): number {
  let s = model.bias;
  for (let k = m.indptr[r]; k < m.indptr[r + 1]; k++) s += model.weights[m.indices[k]] * m.values[k];
  return s;
}

/** Candidates (default: every paper) best first; ids the features do not know are left out. Ties keep the given order. */
export function rank(model: InterestModel, m: FeatureMatrix, candidateIds?: readonly string[]): RankedPaper[] {
  checkVocabulary(model, m);
  const ids = candidateIds ?? m.ids;
  const out: (RankedPaper & { at: number })[] = [];
  ids.forEach((id, at) => {
    const r = m.rowOf.get(id);
    if (r !== undefined) out.push({ id, score: scoreRow(model, m, r), at });
  });
  out.sort((a, b) => b.score - a.score || a.at - b.at);
  return out.map(({ id, score }) => ({ id, score }));
}
