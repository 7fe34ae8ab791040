import { describe, expect, it } from 'vitest';
import { buildFeatures, explain, type InterestModel, rank, RankError, train, trainPerTag, valueAt } from '../../../src/rank';
import { trainLinearSvm } from '../../../src/rank/linear-svm';
import { toyCorpus } from './toy-corpus';

const corpus = toyCorpus(12);
const m = buildFeatures(corpus);
const ids = corpus.map((p) => p.id);

function model(positives: string[], negatives: string[] = [], seed = 1): InterestModel {
  const r = train(m, positives, negatives, { seed });
  if (!r.ok) throw new Error(r.message);
  return r.model;
}

describe('train and rank', () => {
  it('puts the starred subject first: the other KV-cache papers fill the top', () => {
    const starred = ['k0', 'k1', 'k2'];
    const ranked = rank(
      model(starred),
      m,
      ids.filter((id) => !starred.includes(id)),
    );
    expect(ranked).toHaveLength(33);
    expect(ranked.slice(0, 9).every((r) => r.id.startsWith('k'))).toBe(true);
    expect(ranked.slice(9).every((r) => !r.id.startsWith('k'))).toBe(true);
    expect(ranked[0].score).toBeGreaterThan(ranked.at(-1)!.score);
  });

  it('needs three positives: fewer is "not enough signal yet"', () => {
    expect(train(m, ['k0', 'k1'])).toEqual({
      ok: false,
      reason: 'not-enough-signal',
      positives: 2,
      needed: 3,
      message: 'not enough signal yet: star, tag or read at least 3 papers (2 so far)',
    });
    // Unknown and repeated ids do not count.
    expect(train(m, ['k0', 'k0', 'nope']).ok).toBe(false);
  });

  it('uses unlabelled papers as negatives, and explicit negatives push their kind down', () => {
    const plain = model(['k0', 'k1', 'b0', 'b1']);
    expect(plain.negatives).toEqual({ explicit: 0, unlabelled: 32 });
    const noBio = model(['k0', 'k1', 'b0', 'b1'], ['b2', 'b3', 'b4', 'b5', 'b6']);
    expect(noBio.negatives).toEqual({ explicit: 5, unlabelled: 27 });
    const meanRank = (mod: InterestModel, prefix: string) => {
      const r = rank(mod, m).map((x) => x.id);
      const at = r.flatMap((id, i) => (id.startsWith(prefix) ? [i] : []));
      return at.reduce((a, b) => a + b, 0) / at.length;
    };
    expect(meanRank(noBio, 'b')).toBeGreaterThan(meanRank(plain, 'b'));
  });

  it('is deterministic for a seed', () => {
    const [a, b] = [model(['r0', 'r3', 'r5']), model(['r0', 'r3', 'r5'])];
    expect(a.weights).toEqual(b.weights);
    expect(rank(a, m)).toEqual(rank(b, m));
  });

  it('leaves out unknown candidates and keeps the given order for ties', () => {
    const mod = model(['k0', 'k1', 'k2']);
    expect(rank(mod, m, ['nope', 'k3']).map((r) => r.id)).toEqual(['k3']);
  });

  it('trains one model per tag', () => {
    const perTag = trainPerTag(m, { proteins: ['b0', 'b1', 'b2'], robots: ['r0', 'r1', 'r2'], thin: ['k0'] });
    expect([...perTag.keys()]).toEqual(['proteins', 'robots', 'thin']);
    expect(perTag.get('thin')!.ok).toBe(false);
    const robots = perTag.get('robots')!;
    expect(robots.ok && rank(robots.model, m, ['b5', 'k5', 'r5'])[0].id).toBe('r5');
  });

  it('refuses a model trained on other features', () => {
    const other = buildFeatures(toyCorpus(5, 99), { maxFeatures: 50 });
    expect(() => rank(model(['k0', 'k1', 'k2']), other)).toThrow(RankError);
  });
});

describe('explain', () => {
  it('names the shared terms, bigrams over their words, and how many positives share them', () => {
    const starred = ['k0', 'k1', 'k2', 'k3'];
    const mod = model(starred);
    const e = explain(mod, m, 'k7', starred)!;
    expect(e.terms.length).toBeGreaterThan(0);
    expect(e.terms.length).toBeLessThanOrEqual(3);
    const kvPhrases = ['kv cache', 'speculative decoding', 'attention heads', 'memory bandwidth', 'token eviction', 'prefill latency'];
    expect(e.terms.some((t) => kvPhrases.includes(t))).toBe(true);
    // No term repeats a word of a stronger one.
    const words = e.terms.flatMap((t) => t.split(' '));
    expect(new Set(words).size).toBe(words.length);
    expect(e.sharedWith.length).toBeGreaterThan(0);
    expect(e.sharedWith.every((id) => starred.includes(id))).toBe(true);
    // Every named term is in at least one starred paper other than k7 itself.
    for (const t of e.terms) expect(starred.some((id) => valueAt(m, m.rowOf.get(id)!, m.termIndex.get(t)!) > 0)).toBe(true);
    expect(e.reason).toBe(`shares ${e.terms.join(', ')} with ${e.sharedWith.length} papers you starred`);
    expect(explain(mod, m, 'k7', starred, { noun: ['paper tagged kv', 'papers tagged kv'], maxTerms: 1 })!.reason).toMatch(
      /^shares [a-z ]+ with \d papers? tagged kv$/,
    );
  });

  it('names phrases as the paper has them, never across a stop word, and never a generic word', () => {
    const filler = (i: number) => ({ id: `f${i}`, title: `Unrelated ${i}`, abstract: `Graph coloring heuristics for sparse planar instances number ${i}.` });
    const papers = [
      ...[0, 1, 2].map((i) => ({
        id: `s${i}`,
        title: `Half keeping caches ${i}`,
        abstract: 'We propose a novel method based on half keeping; results show strong gains.',
      })),
      { id: 't', title: 'Caches that keep half', abstract: 'We propose a novel method: half of the keeping budget. Results show gains.' },
      ...Array.from({ length: 20 }, (_, i) => filler(i)),
    ];
    const fm = buildFeatures(papers);
    const r = train(fm, ['s0', 's1', 's2']);
    if (!r.ok) throw new Error('no model');
    const target = papers.find((p) => p.id === 't')!;
    const blind = explain(r.model, fm, 't', ['s0', 's1', 's2'])!;
    expect(blind.terms).toContain('half keeping'); // joined across "of the", as the features are
    const read = explain(r.model, fm, 't', ['s0', 's1', 's2'], { text: `${target.title}. ${target.abstract}` })!;
    expect(read.terms).not.toContain('half keeping');
    expect(read.terms.length).toBeGreaterThan(0);
    for (const t of [...blind.terms, ...read.terms]) expect(t).not.toMatch(/\b(propose|novel|method|based|results|show)\b/);
  });

  it('is null for an unknown paper or one with nothing in favour', () => {
    const mod = model(['k0', 'k1', 'k2']);
    expect(explain(mod, m, 'nope')).toBeNull();
    const empty = buildFeatures([...corpus, { id: 'blank', title: 'zz', abstract: 'qq' }]);
    const r = train(empty, ['k0', 'k1', 'k2']);
    expect(r.ok && explain(r.model, empty, 'blank')).toBeNull();
  });
});

describe('the linear SVM', () => {
  it('separates a separable problem, with costs as class weights', () => {
    // Four points on two axes; positives on feature 0, negatives on feature 1.
    const rows = { indptr: Int32Array.from([0, 1, 2, 3, 4]), indices: Int32Array.from([0, 0, 1, 1]), values: Float32Array.from([1, 0.9, 1, 0.8]) };
    const fit = trainLinearSvm({
      rows,
      features: 2,
      examples: Int32Array.from([0, 1, 2, 3]),
      labels: Int8Array.from([1, 1, -1, -1]),
      costs: new Float64Array(4).fill(10),
    });
    expect(fit.weights[0]).toBeGreaterThan(0);
    expect(fit.weights[1]).toBeLessThan(0);
    for (const [r, y] of [
      [0, 1],
      [1, 1],
      [2, -1],
      [3, -1],
    ]) {
      const score = fit.weights[rows.indices[r]] * rows.values[r] + fit.bias;
      expect(Math.sign(score)).toBe(y);
    }
  });
});
