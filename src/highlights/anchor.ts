import type { QuoteSelector } from './types';

const CONTEXT = 32;

/** The selector for text[start, end): the quote, its context, and where it stood. */
export function describeQuote(text: string, start: number, end: number): QuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start,
    end,
  };
}

/** Collapses whitespace runs to one space, keeping for each kept character its original index. */
function squeeze(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ws = /\s/.test(text[i]);
    if (ws && (out.endsWith(' ') || out.length === 0)) continue;
    out += ws ? ' ' : text[i];
    map.push(i);
  }
  map.push(text.length);
  return { text: out, map };
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function bestMatch(text: string, exact: string, prefix: string, suffix: string, near: number): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const context =
      commonSuffix(text.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonPrefix(text.slice(at + exact.length, at + exact.length + suffix.length), suffix);
    const score = context * 1000 - Math.abs(at - near);
    if (score > bestScore) {
      bestScore = score;
      best = at;
    }
  }
  return best;
}

/**
 * Finds where a highlight belongs in `text` now (as the W3C TextQuoteSelector does): at its old
 * offsets if the quote is still there, else the occurrence whose context matches best, else the
 * same search with whitespace ignored. Null when the quote is gone.
 */
export function anchor(text: string, q: QuoteSelector): [number, number] | null {
  if (!q.exact) return null;
  if (text.slice(q.start, q.end) === q.exact && text.slice(Math.max(0, q.start - q.prefix.length), q.start) === q.prefix) return [q.start, q.end];
  const at = bestMatch(text, q.exact, q.prefix, q.suffix, q.start);
  if (at >= 0) return [at, at + q.exact.length];
  const hay = squeeze(text);
  const needle = squeeze(q.exact).text.trim();
  if (!needle) return null;
  const found = bestMatch(hay.text, needle, squeeze(q.prefix).text, squeeze(q.suffix).text, q.start);
  if (found < 0) return null;
  return [hay.map[found], hay.map[found + needle.length - 1] + 1];
}
