import { MATH_SPAN } from '../api/vocabulary';
import { plainTitle } from '../digest/latex';
import type { Range } from '../search/text';

/** A sentence of an abstract that carries a figure or a comparison, with its figures located. */
export interface Claim {
  /** The sentence, with LaTeX residue normalised (`6sim45%` → `6~45%`). */
  text: string;
  /** Character ranges of the figures in `text`, to emphasise. */
  figures: Range[];
}

/**
 * Digests are scraped from LaTeX sources and keep bits of markup in numbers: `6sim45%`,
 * `2.5times`, `90.0\%`, `$\times$`. Rewrites them as a reader would write them.
 */
export function normaliseLatex(text: string): string {
  return (
    text
      .replace(/\$\\?(times|sim|approx)\$/g, (_, op: string) => ` ${OPS[op]} `)
      // Other maths as letters and symbols: `$2.26\times$` → 2.26×, `S$^4$C` → S4C.
      .replace(MATH_SPAN, (math) => plainTitle(math))
      .replace(/\\%/g, '%')
      .replace(/(\d%?)\s?\\?sim\s?(?=[\d.])/g, '$1~')
      .replace(/(\d)\s?\\?times\b/g, '$1×')
      .replace(/(\d)\s?\\?approx\s?(?=\d)/g, '$1≈')
      .replace(/ {2,}/g, ' ')
  );
}

const OPS: Record<string, string> = { times: '×', sim: '~', approx: '≈' };

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /\b(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Figs|Eq|Sec|approx|resp|No)\.$/i;

/** Splits an abstract into sentences: at . ! ? followed by a space and a capital, digit or bracket. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]+["”’)]?(?=\s+["“([]?[\p{Lu}\d])/gu)) {
    const end = m.index + m[0].length;
    if (ABBREVIATION.test(text.slice(start, end))) continue;
    out.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
/** What may stick to a number: a percentage, a multiplier, a magnitude or a short unit. */
const SUFFIX = String.raw`(?:%|[xX×]|[KMGT]B|[KMBT]|k|ms|s|-bits?)?`;
/** A range written between two numbers: 6~45%, 2-3x, 10 to 20. */
const RANGE = String.raw`(?:\s?(?:~|–|-|to)\s?${NUMBER}${SUFFIX})?`;
/** Units written as words after the number; kept with it so "1 token/s" reads as one figure. */
const UNIT = String.raw`(?:\s(?:thousand|million|billion|trillion))?(?:\s(?:tokens? per second|tokens?/s|tokens?|bits?|hours?|minutes?|seconds?|days?|GPUs|points?|pp|times|fold))?`;
/**
 * A figure: a number standing on its own (not inside a name such as GPT-4, A100, Qwen2.5 or
 * pass@1), possibly approximate, with its suffix, range and unit.
 */
const FIGURE = new RegExp(String.raw`(?<![\p{L}\d.\-_/@$^{])[~≈<>]?${NUMBER}${SUFFIX}${RANGE}${UNIT}(?![\p{L}\d{])`, 'gu');

/**
 * A comparison even without a figure. Bare comparatives ("better", "faster") are left out:
 * abstracts use them for aims ("to achieve faster inference") as often as for results.
 */
const COMPARATIVE = /\b(?:outperform\w*|surpass\w*|twice|(?!rather|other)\w+er than|(?:more|less|fewer)(?: [\w-]+){1,2} than)\b/i;

/** Figures of a sentence; a bare year (2024) or an enumeration marker is not one. */
export function figures(sentence: string): Range[] {
  const out: Range[] = [];
  // Digits in a link (a repository, an arXiv id) are not figures; blanking keeps the offsets.
  const unlinked = sentence.replace(/https?:\/\/\S+/g, (url) => ' '.repeat(url.length));
  for (const m of unlinked.matchAll(FIGURE)) {
    const [start, end] = [m.index, m.index + m[0].length];
    if (/^(?:19|20)\d\d$/.test(m[0])) continue;
    // Enumeration markers: "(1)", "1)".
    if (/^\d{1,2}$/.test(m[0]) && sentence[end] === ')') continue;
    out.push([start, end]);
  }
  return out;
}

/** The claims of an abstract: its sentences with figures or comparisons, in order. */
export function extractClaims(abstract: string): Claim[] {
  return sentences(normaliseLatex(abstract))
    .map((text) => ({ text, figures: figures(text) }))
    .filter((c) => c.figures.length > 0 || COMPARATIVE.test(c.text));
}
