import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'vitest';
import { DigestError } from '../../../src/digest/errors';
import { parseDigest, type ParseOptions } from '../../../src/digest/parse';

export const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'formats');

/** A fixture of test/fixtures/formats as text. */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The fixtures and the format each one is written in. */
export const FIXTURE_FORMATS: [file: string, format: string][] = [
  ['hf-daily-papers.json', 'hf-daily-papers'],
  ['hf-daily-page.json', 'hf-daily-papers'],
  ['arxiv-rss-cs.CL.xml', 'arxiv-rss'],
  ['arxiv-listing-atom-cs.AI.xml', 'arxiv-rss'],
  ['arxiv-api-query.xml', 'arxiv-api'],
  ['arxiv-api-error.xml', 'arxiv-api'],
  ['arxiv-api-empty.xml', 'arxiv-api'],
  ['arxiv-email-cs.txt', 'arxiv-email'],
  ['references.bib', 'bibtex'],
  ['references.ris', 'ris'],
  ['references.csl.json', 'csl-json'],
];

/** The DigestError a call throws (failing the test if it returns or throws anything else). */
export function digestError(run: () => unknown): DigestError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DigestError);
    return error as DigestError;
  }
  throw new Error('expected a DigestError, but the call succeeded');
}

/** Parsing must give papers or a DigestError, never another exception. */
export function papersOrDigestError(text: string, options?: ParseOptions): void {
  try {
    const parsed = parseDigest(text, options);
    expect(parsed.entries.length + parsed.withoutAbstract.length).toBeGreaterThan(0);
    for (const e of [...parsed.entries, ...parsed.withoutAbstract]) {
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.title).not.toContain('\u0000');
      expect(e.line).toBeGreaterThanOrEqual(1);
    }
  } catch (error) {
    if (!(error instanceof DigestError)) throw error;
  }
}
