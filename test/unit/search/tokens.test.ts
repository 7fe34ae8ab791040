import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eachToken, WORD_CHAR } from '../../../src/search/text';

const TOKEN = new RegExp(`${WORD_CHAR}+`, 'gu');
const tokens = (text: string) => {
  const found: [string, number][] = [];
  eachToken(text, (token, start) => {
    found.push([token, start]);
  });
  return found;
};

/** Letters, digits, spaces, punctuation and symbols, accents, Greek, an emoji, a lone surrogate, a control character. */
const char = fc.constantFrom(
  'a',
  'Z',
  '7',
  '_',
  '-',
  '’',
  '–',
  ' ',
  '\n',
  '\u00a0',
  '\u0000',
  '$',
  '+',
  'é',
  'α',
  'ﬁ',
  '😀',
  '𝑥',
  '\ud800',
  '\udc00',
  '\u0301',
);

describe('the tokens of a text (what is indexed is what is marked)', () => {
  it('are the runs of word characters, each where it starts, as the tokenizer’s expression finds them', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(char, fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 40 }), (text) => {
        fc.pre(!/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text));
        expect(tokens(text)).toEqual([...text.matchAll(TOKEN)].map((m) => [m[0], m.index]));
      }),
      { numRuns: 2000 },
    );
  });

  it('stop where the visitor says', () => {
    const seen: string[] = [];
    eachToken('speculative decoding for LLM inference', (token) => {
      seen.push(token);
      return token !== 'decoding';
    });
    expect(seen).toEqual(['speculative', 'decoding']);
  });
});
