/**
 * The tokenizer that highlighting and snippets walk (text.ts) finds exactly the runs of word
 * characters that the index's pattern (TOKEN: one or more characters that are not space,
 * punctuation or symbols) finds, in any text: emoji, accents, control characters, lone halves
 * of surrogate pairs, full-width punctuation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightRanges, snippet, WORD_CHAR } from '../../../src/search/text';

const TOKEN = new RegExp(`${WORD_CHAR}+`, 'gu');
const every = { size: 1, has: () => true };
const runs = (text: string) => [...text.matchAll(TOKEN)].map((m): [number, number] => [m.index, m.index + m[0].length]);

/** Characters of every kind the walk tells apart (no CJK: its runs are cut into words on purpose). */
const PIECES = [
  'a',
  'Z',
  '7',
  ' ',
  '\t',
  '\n',
  '-',
  '_',
  '.',
  "'",
  '$',
  '+',
  '\u0000',
  '\u007f',
  'é',
  'ß',
  'Ω',
  'д',
  '\u00a0',
  '\u2014',
  '\u201c',
  '\u2009',
  '，',
  '！',
  '😀',
  '𝔸',
  '\ud83d',
  '\ude00',
  '™',
  '°',
  '‿',
  'ٱ',
  '\u200b',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

describe('the tokenizer', () => {
  it('finds the same runs as the index pattern in any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(highlightRanges(t, every)).toEqual(runs(t));
      }),
      { numRuns: 2000, seed: 15 },
    );
  });

  it('marks words in a snippet as before: the first hit, then every hit in the excerpt', () => {
    const abstract = `${'Plain words before it. '.repeat(20)}Then speculative decoding, and more speculative text.`;
    const marks = { size: 1, has: (w: string) => w === 'speculative' };
    const cut = snippet(abstract, marks);
    expect(cut.ranges.map(([s, e]) => cut.text.slice(s, e))).toEqual(['speculative', 'speculative']);
    expect(cut.text.startsWith('… ')).toBe(true);
  });
});
