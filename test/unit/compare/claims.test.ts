import { describe, expect, it } from 'vitest';
import { extractClaims, figures, normaliseLatex, sentences } from '../../../src/compare/claims';
import { parseDigest } from '../../../src/digest/parse';
import { SAMPLE } from '../../helpers';

const entries = parseDigest(SAMPLE).entries;
const abstractOf = (titleStart: string) => {
  const e = entries.find((x) => x.title.startsWith(titleStart));
  if (!e) throw new Error(`no paper “${titleStart}” in the sample`);
  return e.abstract;
};
const claimsOf = (titleStart: string) => extractClaims(abstractOf(titleStart));
/** The emphasised figures of a paper's claims, as text. */
const figuresOf = (titleStart: string) => claimsOf(titleStart).flatMap((c) => c.figures.map(([s, e]) => c.text.slice(s, e)));
const claimText = (titleStart: string) =>
  claimsOf(titleStart)
    .map((c) => c.text)
    .join('\n');

describe('claims of the sample digest', () => {
  it('FlexGen: 1 token/s with a batch size of 144', () => {
    expect(claimText('FlexGen')).toContain('1 token/s');
    expect(claimText('FlexGen')).toContain('batch size of 144');
    expect(figuresOf('FlexGen')).toEqual(expect.arrayContaining(['1 token/s', '144', '4 bits', '21 hours']));
  });

  it('LOOK-M: 80% smaller cache, 1.5x faster decoding', () => {
    expect(claimText('LOOK-M')).toContain('reducing it by 80%');
    expect(claimText('LOOK-M')).toContain('1.5x faster');
    expect(figuresOf('LOOK-M')).toEqual(['80%', '1.5x']);
  });

  it('Certaindex/Dynasor: 50%, 3.3x, 4.7x', () => {
    expect(claimText('Efficiently Serving LLM Reasoning Programs with Certaindex')).toContain('3.3x higher query rates');
    expect(figuresOf('Efficiently Serving LLM Reasoning Programs with Certaindex')).toEqual(['50%', '3.3x', '4.7x']);
  });

  it('MaAS: the LaTeX residue 6sim45% reads 6~45%', () => {
    expect(abstractOf('Multi-agent Architecture Search')).toContain('6sim45%');
    expect(claimText('Multi-agent Architecture Search')).toContain('requires only 6~45% of the inference costs');
    expect(claimText('Multi-agent Architecture Search')).not.toContain('sim');
    expect(figuresOf('Multi-agent Architecture Search')).toEqual(['6~45%', '0.54%~11.82%']);
  });

  it('FocusLLM: up to 400K tokens', () => {
    expect(claimText('FocusLLM')).toContain('even up to 400K tokens');
    expect(figuresOf('FocusLLM')).toEqual(['8K', '400K tokens']);
  });

  it('sentences without figures or comparisons are not claims', () => {
    const focus = claimText('FocusLLM');
    expect(focus).not.toContain('In this paper, we present FocusLLM');
    expect(focus).not.toContain('Our code is available');
    expect(claimText('FlexGen')).not.toContain('We present FlexGen, a high-throughput generation engine');
    // A survey without results has no claims at all; neither has a paper that only describes its method.
    expect(claimsOf('Towards Concise and Adaptive Thinking')).toEqual([]);
    expect(claimsOf('Tree Cross Attention')).toEqual([]);
  });

  it('a comparison without a figure is a claim', () => {
    expect(claimText('Group Preference Optimization')).toContain('outperforming existing strategies');
    expect(figuresOf('Group Preference Optimization')).toEqual([]);
  });

  it('the figures of every claim lie inside its text, and every claim of the sample is a sentence of its abstract', () => {
    for (const e of entries) {
      const text = normaliseLatex(e.abstract);
      for (const c of extractClaims(e.abstract)) {
        expect(text).toContain(c.text);
        for (const [s, end] of c.figures) expect(0 <= s && s < end && end <= c.text.length).toBe(true);
      }
    }
  });
});

describe('figures and sentences', () => {
  it('names with digits are not figures: GPT-4, A100, Qwen2.5-7B, pass@1, o1, a year, a list marker', () => {
    const s = 'GPT-4 on an A100 with Qwen2.5-7B reaches pass@1 like o1 in 2024: (1) first, 2) second.';
    expect(figures(s)).toEqual([]);
  });

  it('numbers with units, ranges and approximations are figures', () => {
    const s = 'It runs at 11.68 tokens per second on 16GB, ~38% less, 4x to 8x faster, 2-8% better, 1.7 million traces.';
    expect(figures(s).map(([a, b]) => s.slice(a, b))).toEqual(['11.68 tokens per second', '16GB', '~38%', '4x to 8x', '2-8%', '1.7 million']);
  });

  it('digits in links are not figures', () => {
    expect(figures('Code at https://github.com/giangdip2410/HyperRouter and https://arxiv.org/abs/2401.12345.')).toEqual([]);
  });

  it('normalises LaTeX residue in numbers', () => {
    expect(normaliseLatex('only 6sim45% and 0.54%sim11.82%')).toBe('only 6~45% and 0.54%~11.82%');
    expect(normaliseLatex('a 19times higher density, 2.5times, 90.0\\% less')).toBe('a 19× higher density, 2.5×, 90.0% less');
    expect(normaliseLatex('speed $\\times$ 3 and $\\sim$5')).toBe('speed × 3 and ~ 5');
    expect(normaliseLatex('at times we simulate')).toBe('at times we simulate');
  });

  it('splits sentences but not at abbreviations or decimals', () => {
    expect(sentences('We use e.g. GPT models. It is 1.5x faster! Why? Because (i.e. here) it works.')).toEqual([
      'We use e.g. GPT models.',
      'It is 1.5x faster!',
      'Why?',
      'Because (i.e. here) it works.',
    ]);
  });

  it('reads figures through maths: S$^4$C reaches $2.26\\times$ and costs only $6\\sim45\\%$', () => {
    const claims = extractClaims('On Spec-bench, S$^4$C achieves an acceleration ratio of $2.26\\times$. It needs only $6\\sim45\\%$ of the cost.');
    expect(claims.map((c) => c.text)).toEqual(['On Spec-bench, S4C achieves an acceleration ratio of 2.26×.', 'It needs only 6~45% of the cost.']);
  });
});
