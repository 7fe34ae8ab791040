import { createHash } from 'node:crypto';
import { plainTitle } from './latex';

// Greek letters spelt out, so `$\alpha$`, `α` and `alpha` are one title.
const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  ζ: 'zeta',
  η: 'eta',
  θ: 'theta',
  ι: 'iota',
  κ: 'kappa',
  λ: 'lambda',
  μ: 'mu',
  ν: 'nu',
  ξ: 'xi',
  ο: 'omicron',
  π: 'pi',
  ρ: 'rho',
  σ: 'sigma',
  ς: 'sigma',
  τ: 'tau',
  υ: 'upsilon',
  φ: 'phi',
  χ: 'chi',
  ψ: 'psi',
  ω: 'omega',
};

/**
 * A title as identity compares it, in one form that the app's own exports keep (RIS and CSL-JSON
 * write it flattened, BibTeX escaped): LaTeX flattened (`S$^4$C` → s4c), TeX accents decoded and
 * every accent then dropped (`Schr\"odinger`, Schrödinger, Schrodinger), Greek letters spelt,
 * case, spacing and punctuation ignored (`O(n^2)` and `$O(n^2)$` alike). The abstract is compared
 * too (or, for a reference without one, the first author and year), so a title this loose does not
 * join two papers by itself.
 */
export function titleKey(title: string): string {
  const flat = /[\\$]/.test(title) ? fold(plainTitle(title)) : '';
  // A title that flattens to nothing (braces and commands alone) is exported as written.
  return flat || fold(title);
}

/**
 * Most titles are ASCII, which every Unicode normal form leaves as it is and whose only letters and
 * digits are a-z, A-Z and 0-9: they skip the normalising. The first import after a start keys every
 * title of the library: 100,000 of the bench's took 205-390 ms, 125-192 so (abstracts gained nothing).
 */
const NON_ASCII = /\P{ASCII}/u;

const fold = (text: string) =>
  NON_ASCII.test(text)
    ? text
        .normalize('NFKD')
        .toLowerCase()
        .replace(/\p{M}+/gu, '')
        .replace(/[α-ω]/g, (c) => GREEK[c] ?? c)
        .replace(/[^\p{L}\p{N}]+/gu, '')
    : text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The title as hashed into ids since the first version: kept, so an id is named as it always was. */
function hashedTitle(title: string): string {
  return (NON_ASCII.test(title) ? title.normalize('NFKC') : title)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Where `\s+` → ' ' changes an abstract: a run of two, or white space other than a plain space. */
const UNEVEN_SPACE = /[^\S ]| {2}/;

/**
 * Every copy skipped where it would change nothing (an ASCII text is its own NFKC form), as in
 * `fold`: an import names each new paper by its text, and the copies were a third of the 470 MB
 * the main thread allocated to import ten files of 1,000 papers.
 */
export function normaliseAbstract(abstract: string): string {
  const nfkc = NON_ASCII.test(abstract) ? abstract.normalize('NFKC') : abstract;
  return (UNEVEN_SPACE.test(nfkc) ? nfkc.replace(/\s+/g, ' ') : nfkc).trim();
}

/**
 * The id of a new paper known by its text alone: a hash of its title and abstract. Hex only, so it
 * is safe as a key anywhere. It only names a paper: which paper an entry is, resolution decides
 * (library/merge.ts, by `titleKey`), and ids once given are stored with the entries and kept.
 */
export function paperId(title: string, abstract: string): string {
  // Hashed in three parts, as one string joined: the bytes hashed are the same.
  return createHash('sha256').update(hashedTitle(title)).update('\n').update(normaliseAbstract(abstract)).digest('hex').slice(0, 16);
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
