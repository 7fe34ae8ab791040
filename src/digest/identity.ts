import { createHash } from 'node:crypto';

/** Title for identity: case, spacing and punctuation do not make a different paper. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function normaliseAbstract(abstract: string): string {
  return abstract.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * A paper's identity: the same title with the same abstract is the same paper; two papers that
 * share a title but not an abstract stay apart. Hex only, so it is safe as a key anywhere.
 */
export function paperId(title: string, abstract: string): string {
  return createHash('sha256')
    .update(`${normaliseTitle(title)}\n${normaliseAbstract(abstract)}`)
    .digest('hex')
    .slice(0, 16);
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
