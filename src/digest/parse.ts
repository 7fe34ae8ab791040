import { DigestError, MAX_DIGEST_BYTES } from './errors';
import { trending } from './formats/trending';
import type { DigestFormat, ParsedDigest } from './types';

/** Known formats, most specific first. Later formats are added here. */
export const FORMATS: DigestFormat[] = [trending];

/** Text as the parsers see it: no BOM, LF line ends. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  // eslint-disable-next-line no-control-regex -- control characters are what tells a binary file
  const odd = sample.match(/[\u0001-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  return odd > sample.length * 0.02;
}

function describeOther(text: string): string {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'It looks like JSON';
  if (start.startsWith('<')) return 'It looks like HTML or XML';
  const first = start.split('\n', 1)[0];
  if ((first.match(/[,;\t]/g)?.length ?? 0) >= 2) return 'It looks like a table (CSV)';
  return 'No paper titles followed by abstracts were found';
}

/** Reads a digest of any known format, or throws a DigestError that says why not. */
export function parseDigest(input: string, options: { format?: string; byteLength?: number } = {}): ParsedDigest {
  const byteLength = options.byteLength ?? Buffer.byteLength(input);
  if (byteLength > MAX_DIGEST_BYTES) {
    const mb = (byteLength / 1024 / 1024).toFixed(1);
    throw new DigestError(
      'too-large',
      `This file is ${mb} MB; digests up to ${MAX_DIGEST_BYTES / 1024 / 1024} MB can be imported. Split it into smaller files.`,
    );
  }
  const text = normaliseText(input);
  if (text.trim() === '') throw new DigestError('empty', 'The digest is empty: there is no text to import.');
  if (looksBinary(text)) throw new DigestError('binary', 'This is a binary file, not a text digest.');
  const lines = text.split('\n');
  let best: { format: DigestFormat; score: number } | undefined;
  for (const format of FORMATS.filter((f) => !options.format || f.name === options.format)) {
    const score = format.detect(lines);
    if (score > (best?.score ?? 0)) best = { format, score };
  }
  const parsed = best?.format.parse(lines);
  if (!parsed || parsed.entries.length === 0) {
    throw new DigestError(
      'unrecognised',
      `This is not a digest Digest Reader can read. ${describeOther(text)}; expected paper titles, each followed by its abstract on the next line.`,
    );
  }
  return parsed;
}
