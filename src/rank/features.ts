/**
 * TF-IDF features of papers, as arxiv-sanity-lite computes them (compute.py): unigrams and
 * bigrams, sublinear tf (1 + ln tf), smoothed idf (ln((1+n)/(1+df)) + 1), rows l2-normalised,
 * terms kept between min_df documents and max_df of the corpus, at most max_features of them
 * (the most frequent). Stored as one sparse CSR matrix in typed arrays: at 100,000 papers about
 * 8 bytes per non-zero, and cheap to train on and score many times.
 *
 * Built in three passes so memory stays bounded: words are interned to numbers once; bigrams are
 * counted as numeric keys, and only between words that are themselves frequent enough (a bigram
 * is never in more documents than either of its words).
 */
import { CountTable } from './count-table';
import { rankTokens } from './terms';

export interface PaperText {
  id: string;
  title: string;
  abstract: string;
}

export interface FeatureOptions {
  /** A term must be in at least this many papers (default 2, 5 from 20,000 papers as arxiv-sanity). */
  minDf?: number;
  /**
   * …and in at most this share of them: default 0.1 from 20,000 papers, as arxiv-sanity over
   * arXiv; 0.3 below, where a reader's main subject ("reasoning") is easily in a tenth of the
   * library and would be dropped (the bench measured 0.70 → 0.73 capped precision@10 at 119).
   */
  maxDf?: number;
  /** Keep the most frequent terms up to this many (default 20,000). */
  maxFeatures?: number;
  /** Include bigrams (default true). */
  bigrams?: boolean;
}

export interface FeatureMatrix {
  ids: string[];
  rowOf: Map<string, number>;
  /** Feature index → term: a word or "word word". */
  terms: string[];
  termIndex: Map<string, number>;
  idf: Float32Array;
  /** CSR: row r's non-zeros are [indptr[r], indptr[r+1]); indices ascending within a row. */
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  options: Required<FeatureOptions>;
}

export function resolveOptions(n: number, o: FeatureOptions = {}): Required<FeatureOptions> {
  return {
    minDf: o.minDf ?? (n >= 20_000 ? 5 : 2),
    maxDf: o.maxDf ?? (n >= 20_000 ? 0.1 : 0.3),
    maxFeatures: o.maxFeatures ?? 20_000,
    bigrams: o.bigrams ?? true,
  };
}

export function buildFeatures(papers: readonly PaperText[], options?: FeatureOptions): FeatureMatrix {
  const n = papers.length;
  const opts = resolveOptions(n, options);
  const maxDocs = Math.max(opts.minDf, Math.floor(opts.maxDf * n));

  // Pass 1: words interned to numbers, each paper as a sequence of word numbers; word df.
  const wordOf = new Map<string, number>();
  const words: string[] = [];
  const wordDf: number[] = [];
  const lastSeen: number[] = [];
  const docs: Int32Array[] = new Array(n);
  for (let d = 0; d < n; d++) {
    const tokens = rankTokens(`${papers[d].title}\n${papers[d].abstract}`);
    const seq = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      let w = wordOf.get(tokens[i]);
      if (w === undefined) {
        w = words.length;
        wordOf.set(tokens[i], w);
        words.push(tokens[i]);
        wordDf.push(0);
        lastSeen.push(-1);
      }
      seq[i] = w;
      if (lastSeen[w] !== d) {
        lastSeen[w] = d;
        wordDf[w]++;
      }
    }
    docs[d] = seq;
  }
  const W = words.length;

  // Pass 2: bigram df, as numeric keys a·W + b (below 2^53 for any realistic vocabulary).
  const bigramDf = new CountTable();
  if (opts.bigrams) {
    let keys = new Float64Array(256);
    for (const seq of docs) {
      // This paper's distinct bigrams: collected, sorted, counted once each.
      if (keys.length < seq.length) keys = new Float64Array(seq.length * 2);
      let k = 0;
      for (let i = 1; i < seq.length; i++) {
        const a = seq[i - 1];
        const b = seq[i];
        if (wordDf[a] >= opts.minDf && wordDf[b] >= opts.minDf) keys[k++] = a * W + b;
      }
      const mine = keys.subarray(0, k).sort();
      for (let i = 0; i < k; i++) if (i === 0 || mine[i] !== mine[i - 1]) bigramDf.increment(mine[i]);
    }
  }

  // Choose the features: within [minDf, maxDocs], the most frequent first.
  const candidates: { key: number; df: number }[] = [];
  for (let w = 0; w < W; w++) if (wordDf[w] >= opts.minDf && wordDf[w] <= maxDocs) candidates.push({ key: -1 - w, df: wordDf[w] });
  for (const [key, df] of bigramDf.entries()) if (df >= opts.minDf && df <= maxDocs) candidates.push({ key, df });
  // Keys: -1-w for word w, a·W+b for a bigram; words come first, each kind in first-seen order.
  candidates.sort((x, y) => y.df - x.df || (x.key < 0 ? (y.key < 0 ? y.key - x.key : -1) : y.key < 0 ? 1 : x.key - y.key));
  candidates.length = Math.min(candidates.length, opts.maxFeatures);
  const F = candidates.length;
  const featureOfWord = new Int32Array(W).fill(-1);
  const featureOfBigram = new CountTable(1 << 12);
  const terms: string[] = new Array(F);
  const idf = new Float32Array(F);
  candidates.forEach(({ key, df }, f) => {
    if (key < 0) {
      featureOfWord[-1 - key] = f;
      terms[f] = words[-1 - key];
    } else {
      featureOfBigram.set(key, f);
      terms[f] = `${words[Math.floor(key / W)]} ${words[key % W]}`;
    }
    idf[f] = Math.log((1 + n) / (1 + df)) + 1;
  });

  // Pass 3: the rows.
  const counts = new Int32Array(F);
  const rows: { idx: Int32Array; val: Float32Array }[] = new Array(n);
  let nnz = 0;
  for (let d = 0; d < n; d++) {
    const seq = docs[d];
    const touched: number[] = [];
    const bump = (f: number) => {
      if (f < 0) return;
      if (counts[f]++ === 0) touched.push(f);
    };
    for (let i = 0; i < seq.length; i++) {
      bump(featureOfWord[seq[i]]);
      if (i > 0 && featureOfBigram.size > 0) bump(featureOfBigram.get(seq[i - 1] * W + seq[i], -1));
    }
    const idx = Int32Array.from(touched).sort();
    const val = new Float32Array(idx.length);
    let norm = 0;
    for (let k = 0; k < idx.length; k++) {
      const v = (1 + Math.log(counts[idx[k]])) * idf[idx[k]];
      val[k] = v;
      norm += v * v;
      counts[idx[k]] = 0;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < val.length; k++) val[k] /= norm;
    rows[d] = { idx, val };
    nnz += idx.length;
    docs[d] = EMPTY; // let the sequence go as soon as it is used
  }
  const indptr = new Int32Array(n + 1);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  for (let d = 0, at = 0; d < n; d++) {
    indices.set(rows[d].idx, at);
    values.set(rows[d].val, at);
    at += rows[d].idx.length;
    indptr[d + 1] = at;
  }
  const ids = papers.map((p) => p.id);
  const rowOf = new Map<string, number>();
  ids.forEach((id, r) => {
    if (!rowOf.has(id)) rowOf.set(id, r);
  });
  return { ids, rowOf, terms, termIndex: new Map(terms.map((t, f) => [t, f])), idf, indptr, indices, values, options: opts };
}

const EMPTY = new Int32Array(0);

/** The value of feature `f` in row `r` (0 when absent): binary search in the row. */
export function valueAt(m: FeatureMatrix, r: number, f: number): number {
  let lo = m.indptr[r];
  let hi = m.indptr[r + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = m.indices[mid];
    if (g === f) return m.values[mid];
    if (g < f) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
