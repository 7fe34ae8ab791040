/**
 * "Best for you" bench: `npx tsx scripts/bench/ranking.ts [--json] [--draws 20] [--quick] [--sweep]`.
 *
 * Quality: the sample's 119 papers labelled by topic (test/fixtures/ranking/sample-topics.json).
 * For each topic with at least 8 papers, several seeded draws of 5 "starred" papers of that topic;
 * the model trains on them (every other paper unlabelled), ranks the other 114, and we measure
 * precision@10 and nDCG@10 (binary relevance: the paper has the topic). precision@10 is reported
 * plain and capped (hits / min(10, relevant left)), since a topic of 8 has only 3 papers left to
 * find. Mean over topics and draws.
 *
 * Cost: retrain (train + score every paper) at 119, 10,000 and 100,000 papers; the large corpora
 * are the sample's sentences recombined plus made-up words (a Zipf-distributed vocabulary), so
 * the feature count and density look like a real library's. Feature building is timed too.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDigest } from '../../src/digest/parse';
import { SAMPLE_DIGEST } from '../../src/paths';
import { buildFeatures, explain, type FeatureOptions, type PaperText, rank, scoreRow, train, type TrainOptions } from '../../src/rank';
import { centroidOf, similarityOf, standardise } from '../../src/rank/similarity';
import { seededRandom, shuffleInPlace } from '../../src/rank/random';
import { syntheticPapers } from './synthetic-library';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    sweep: { type: 'boolean', default: false },
    draws: { type: 'string', default: '20' },
  },
});
const DRAWS = Number(args.draws);
const STARRED = 5;
const MIN_TOPIC = 8;
const K = 10;
const log = (s: string) => {
  if (!args.json) console.log(s);
};

interface Labelled extends PaperText {
  topics: string[];
}

function labelledSample(): Labelled[] {
  const { entries } = parseDigest(fs.readFileSync(SAMPLE_DIGEST, 'utf8'));
  const file = path.resolve(import.meta.dirname, '../../test/fixtures/ranking/sample-topics.json');
  const { papers } = JSON.parse(fs.readFileSync(file, 'utf8')) as { papers: Record<string, string[]> };
  return entries.map((e, i) => {
    const topics = papers[e.title];
    if (!topics) throw new Error(`no topics for "${e.title}"`);
    return { id: `p${i + 1}`, title: e.title, abstract: e.abstract, topics };
  });
}

interface TopicFigures {
  topic: string;
  papers: number;
  precision: number;
  cappedPrecision: number;
  ndcg: number;
}

/**
 * How the candidates are ordered: the SVM (the app's), similarity to the starred papers' centroid
 * (Rocchio), or both standardised and added with equal weight — fixed before measuring, not fitted.
 */
type Scorer = 'svm' | 'centroid' | 'svm+centroid';

function order(scorer: Scorer, m: ReturnType<typeof buildFeatures>, model: Parameters<typeof rank>[0], starred: string[], candidates: string[]) {
  if (scorer === 'svm') return rank(model, m, candidates);
  const centroid = centroidOf(m, starred);
  const sim = Float64Array.from(candidates, (id) => similarityOf(m, centroid, m.rowOf.get(id)!));
  let score = sim;
  if (scorer === 'svm+centroid') {
    const svm = standardise(Float64Array.from(candidates, (id) => scoreRow(model, m, m.rowOf.get(id)!)));
    const z = standardise(sim);
    score = Float64Array.from(svm, (s, i) => s + z[i]);
  }
  return candidates.map((id, i) => ({ id, score: score[i], i })).sort((a, b) => b.score - a.score || a.i - b.i);
}

function quality(sample: Labelled[], features: FeatureOptions, training: TrainOptions, scorer: Scorer = 'svm') {
  const m = buildFeatures(sample, features);
  const counts = new Map<string, number>();
  for (const p of sample) for (const t of p.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  const topics = [...counts].filter(([, n]) => n >= MIN_TOPIC).sort((a, b) => b[1] - a[1]);
  const rows: TopicFigures[] = [];
  let example = '';
  for (const [topic, n] of topics) {
    const members = sample.filter((p) => p.topics.includes(topic)).map((p) => p.id);
    const random = seededRandom(n * 7919 + topic.length);
    let [prec, capped, ndcg] = [0, 0, 0];
    for (let d = 0; d < DRAWS; d++) {
      const starred = shuffleInPlace([...members], random).slice(0, STARRED);
      const result = train(m, starred, [], { ...training, seed: d + 1 });
      if (!result.ok) throw new Error(result.message);
      const isStarred = new Set(starred);
      const ranked = order(
        scorer,
        m,
        result.model,
        starred,
        sample.map((p) => p.id).filter((id) => !isStarred.has(id)),
      ).slice(0, K);
      const relevantLeft = n - STARRED;
      const gains = ranked.map((r) => (sample[Number(r.id.slice(1)) - 1].topics.includes(topic) ? 1 : 0));
      const hits = gains.reduce((a: number, b) => a + b, 0);
      prec += hits / K;
      capped += hits / Math.min(K, relevantLeft);
      const dcg = gains.reduce((s: number, g, i) => s + g / Math.log2(i + 2), 0);
      let ideal = 0;
      for (let i = 0; i < Math.min(K, relevantLeft); i++) ideal += 1 / Math.log2(i + 2);
      ndcg += dcg / ideal;
      if (!example && topic === 'long-context' && d === 0) {
        const top = sample[Number(ranked[0].id.slice(1)) - 1];
        const e = explain(result.model, m, ranked[0].id, starred, { text: `${top.title}. ${top.abstract}` });
        example = `"${top.title}": ${e?.reason}`;
      }
    }
    rows.push({ topic, papers: n, precision: prec / DRAWS, cappedPrecision: capped / DRAWS, ndcg: ndcg / DRAWS });
  }
  const mean = (f: (r: TopicFigures) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
  return { topics: rows, precisionAt10: mean((r) => r.precision), cappedPrecisionAt10: mean((r) => r.cappedPrecision), ndcgAt10: mean((r) => r.ndcg), example };
}

/** Made-up words, Zipf-distributed, so a large synthetic library has a realistic long tail of terms. */
function withMadeUpWords(papers: { title: string; abstract: string }[], seed: number): PaperText[] {
  const random = seededRandom(seed);
  const syllables = ['ka', 'lo', 'mi', 'ne', 'tor', 'vex', 'qu', 'sil', 'dra', 'pen', 'zu', 'rho', 'mat', 'fen', 'gli', 'bar'];
  const VOCAB = 60_000;
  const word = (rank: number) => {
    let s = '';
    for (let r = rank + 1; r > 0; r = Math.floor(r / syllables.length)) s += syllables[r % syllables.length];
    return s;
  };
  // Inverse-CDF sampling of ranks with P(rank) ∝ 1/rank (a Zipf law).
  const h = Math.log(VOCAB) + 0.5772;
  const zipf = () => Math.min(VOCAB - 1, Math.floor(Math.exp(random() * h - 0.5772)));
  return papers.map((p, i) => ({
    id: `s${i}`,
    title: p.title,
    abstract: `${p.abstract} ${Array.from({ length: 12 + Math.floor(random() * 12) }, () => word(zipf())).join(' ')}.`,
  }));
}

/** Wall and CPU time of `fn`: on a shared machine the CPU time is the figure that repeats. */
function time<T>(fn: () => T): [T, { wallMs: number; cpuMs: number }] {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const used = process.cpuUsage(cpu);
  return [out, { wallMs: Math.round(performance.now() - t0), cpuMs: Math.round((used.user + used.system) / 1000) }];
}

function retrainCost(papers: PaperText[]) {
  const [m, build] = time(() => buildFeatures(papers));
  const random = seededRandom(5);
  const positives = Array.from({ length: 20 }, () => papers[Math.floor(random() * papers.length)].id);
  const negatives = Array.from({ length: 20 }, () => papers[Math.floor(random() * papers.length)].id);
  train(m, positives, negatives); // warm the JIT once, as a running app would be
  const [result, fit] = time(() => train(m, positives, negatives));
  if (!result.ok) throw new Error(result.message);
  const [, score] = time(() => rank(result.model, m));
  const [, again] = time(() => {
    const r = train(m, positives, negatives, { seed: 2 });
    if (r.ok) rank(r.model, m);
  });
  const heapMB = Math.round(process.memoryUsage().heapUsed / 1e6);
  return {
    papers: papers.length,
    features: m.terms.length,
    nonZeros: m.values.length,
    build,
    train: fit,
    score,
    retrain: again,
    epochs: result.model.epochs,
    heapMB,
  };
}

const sample = labelledSample();
const report: Record<string, unknown> = {};
const q = quality(sample, {}, {});
report.quality = q;

log(`"Best for you" on the labelled sample: ${STARRED} starred papers of one topic, ${DRAWS} draws per topic`);
log('topic                papers  precision@10  (capped)  nDCG@10');
for (const r of q.topics)
  log(
    `${r.topic.padEnd(20)} ${String(r.papers).padStart(6)}  ${r.precision.toFixed(2).padStart(12)}  ${r.cappedPrecision.toFixed(2).padStart(8)}  ${r.ndcg.toFixed(2).padStart(7)}`,
  );
log(
  `${'mean'.padEnd(20)} ${''.padStart(6)}  ${q.precisionAt10.toFixed(2).padStart(12)}  ${q.cappedPrecisionAt10.toFixed(2).padStart(8)}  ${q.ndcgAt10.toFixed(2).padStart(7)}`,
);
const ceiling = q.topics.reduce((s, r) => s + Math.min(K, r.papers - STARRED) / K, 0) / q.topics.length;
log(
  `(plain precision@10 cannot pass ${ceiling.toFixed(2)} here: a topic of n papers has n - ${STARRED} left to find; the capped figure divides by min(10, n - ${STARRED}))`,
);
log(`example reason: ${q.example}`);

log('\nscorers compared (same draws): precision@10 (capped) / nDCG@10');
const scorers: Record<string, ReturnType<typeof quality>> = {};
for (const scorer of ['svm', 'centroid', 'svm+centroid'] as const) {
  const s = (scorers[scorer] = scorer === 'svm' ? q : quality(sample, {}, {}, scorer));
  log(`${scorer.padEnd(14)} ${s.precisionAt10.toFixed(3)} (${s.cappedPrecisionAt10.toFixed(3)}) / ${s.ndcgAt10.toFixed(3)}`);
}
report.scorers = Object.fromEntries(
  Object.entries(scorers).map(([k, s]) => [k, { precisionAt10: s.precisionAt10, cappedPrecisionAt10: s.cappedPrecisionAt10, ndcgAt10: s.ndcgAt10 }]),
);

if (args.sweep) {
  log('\nsweep: maxDf × c → precision@10 (capped) / nDCG@10');
  for (const maxDf of [0.1, 0.2, 0.3, 0.5]) {
    for (const c of [0.01, 0.1, 1]) {
      const s = quality(sample, { maxDf }, { c });
      log(`maxDf ${maxDf}  c ${c}: ${s.precisionAt10.toFixed(3)} (${s.cappedPrecisionAt10.toFixed(3)}) / ${s.ndcgAt10.toFixed(3)}`);
    }
  }
}

const sizes = args.quick ? [119, 10_000] : [119, 10_000, 100_000];
const costs = [];
log(
  `\nretrain cost: train on 20 positives and 20 negatives, then score every paper (CPU ms, wall ms in brackets; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores, ${process.version})`,
);
log('papers    features  non-zeros   build features          train       score all   retrain (train + score)  heap MB');
const cell = (t: { wallMs: number; cpuMs: number }, w: number) => `${t.cpuMs} (${t.wallMs})`.padStart(w);
for (const n of sizes) {
  const papers = n === sample.length ? sample : withMadeUpWords(syntheticPapers(n, 3), 11);
  const c = retrainCost(papers);
  costs.push(c);
  log(
    `${String(n).padEnd(8)}  ${String(c.features).padStart(8)}  ${String(c.nonZeros).padStart(9)}  ${cell(c.build, 15)}  ${cell(c.train, 13)}  ${cell(c.score, 14)}  ${cell(c.retrain, 24)}  ${String(c.heapMB).padStart(7)}`,
  );
}
report.retrain = costs;
if (args.json) console.log(JSON.stringify(report, null, 2));
