import { tooLarge } from './decode';
import { DigestError, MAX_DIGEST_BYTES } from './errors';
import { arxivApi } from './formats/arxiv-api';
import { arxivEmail } from './formats/arxiv-email';
import { arxivRss } from './formats/arxiv-rss';
import { bibtex } from './formats/bibtex';
import { cslJson } from './formats/csl-json';
import { hfDaily } from './formats/hf-daily';
import { readJson } from './json';
import { ris } from './formats/ris';
import { trending } from './formats/trending';
import type { DigestFormat, DigestText, ParsedDigest } from './types';

export { decodeDigest } from './decode';

/** Every format Digest Reader reads. Detection asks each one; the most confident wins. */
export const FORMATS: DigestFormat[] = [hfDaily, arxivRss, arxivApi, arxivEmail, bibtex, ris, cslJson, trending];

/** The name of each format, as `--format` takes it. */
export type FormatName = 'hf-daily-papers' | 'arxiv-rss' | 'arxiv-api' | 'arxiv-email' | 'bibtex' | 'ris' | 'csl-json' | 'trending-papers';

/** The formats' names with one line each, for the command line's `--format` and the README. */
export const FORMAT_LIST: { name: FormatName; description: string }[] = FORMATS.map(({ name, description }) => ({ name: name as FormatName, description }));

export interface ParseOptions {
  /** Read the text as this format instead of detecting it (a name from FORMAT_LIST; any other is refused with the list). */
  format?: FormatName | (string & {});
  /** The size of the original file, when known (the 32 MB limit); defaults to the text's UTF-8 size. */
  byteLength?: number;
}

/**
 * Text as the parsers see it: no BOM, LF line ends, no NUL bytes (a stray NUL is dropped, and
 * UTF-16 text that was read as 8-bit loses its zero bytes), so no NUL ever reaches a title.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replaceAll('\u0000', '');
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  const nul = sample.split('\u0000').length - 1;
  // UTF-16 read byte by byte: every other character is NUL. That is text, not binary.
  if (nul > sample.length * 0.3) return false;
  // eslint-disable-next-line no-control-regex -- control characters are what tells a binary file
  const odd = sample.match(/[\u0000-\u0008\u000E-\u001A\u001C-\u001F\uFFFD]/g)?.length ?? 0;
  return odd > sample.length * 0.02;
}

function describeOther(text: string): string {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('['))
    return 'It looks like JSON, but not Hugging Face daily papers (a list of {"paper": {"id", "title", "summary"}}) nor CSL-JSON (items with "type" and "title")';
  if (start.startsWith('<')) return 'It looks like HTML or XML, but not an arXiv RSS/Atom listing nor an arXiv API response';
  const first = start.split('\n', 1)[0];
  if ((first.match(/[,;\t]/g)?.length ?? 0) >= 2) return 'It looks like a table (CSV)';
  return 'No paper titles followed by abstracts were found';
}

/** JSON that does not parse (a download cut short, a hand edit): where it breaks, and whose it looks like. */
function brokenJson(text: string): DigestError | undefined {
  const json = readJson(text);
  if (json.ok || !/^\s*[{[]/.test(text)) return undefined;
  const head = text.slice(0, 20000);
  const kind = /"dailyPapers"|"paper"\s*:\s*\{/.test(head)
    ? ' of Hugging Face papers'
    : /"issued"|"container-title"|"type"\s*:\s*"/.test(head)
      ? ' (CSL-JSON)'
      : '';
  return new DigestError('malformed', `This looks like JSON${kind}, but it is broken ${json.where}: ${json.message}. Was the download cut short?`, {
    line: json.line,
    column: json.column,
  });
}

const KNOWN = () => FORMATS.map((f) => f.name).join(', ');

/** How confident each format is that the text is its own, most confident first. */
export function detectFormats(input: DigestText): { name: string; confidence: number }[] {
  return FORMATS.map((format) => {
    let confidence: number;
    try {
      confidence = format.detect(input);
    } catch {
      confidence = 0; // a detector that trips over odd input simply does not claim it
    }
    return { name: format.name, confidence: Number.isFinite(confidence) ? Math.max(0, Math.min(1, confidence)) : 0 };
  }).sort((a, b) => b.confidence - a.confidence);
}

/** Reads a digest of any known format (or the one asked for), or throws a DigestError that says why not. */
export function parseDigest(input: string, options: ParseOptions = {}): ParsedDigest {
  const byteLength = options.byteLength ?? Buffer.byteLength(input);
  if (byteLength > MAX_DIGEST_BYTES) throw tooLarge(byteLength);
  if (input.trim() === '') throw new DigestError('empty', 'The digest is empty: there is no text to import.');
  if (looksBinary(input)) throw new DigestError('binary', 'This is a binary file, not a text digest.');
  const text = normaliseText(input);
  if (text.trim() === '') throw new DigestError('empty', 'The digest is empty: there is no text to import.');
  const digestText: DigestText = { text, lines: text.split('\n') };
  let format: DigestFormat | undefined;
  if (options.format !== undefined) {
    format = FORMATS.find((f) => f.name === options.format);
    if (!format) throw new DigestError('unrecognised', `There is no digest format called “${String(options.format).slice(0, 40)}”. Known formats: ${KNOWN()}.`);
  } else {
    const [best] = detectFormats(digestText);
    if (best && best.confidence >= 0.3) format = FORMATS.find((f) => f.name === best.name);
  }
  if (!format) {
    throw (
      brokenJson(text) ?? new DigestError('unrecognised', `This is not a digest Digest Reader can read. ${describeOther(text)}. Known formats: ${KNOWN()}.`)
    );
  }
  let parsed: ParsedDigest;
  try {
    parsed = format.parse(digestText);
  } catch (error) {
    if (error instanceof DigestError) throw error;
    // A parser bug must not surface as a crash: say which format failed, keep the cause for the log.
    throw new DigestError('malformed', `The ${format.name} reader could not read this file: ${(error as Error)?.message ?? String(error)}`, {
      format: format.name,
    });
  }
  if (parsed.entries.length === 0 && parsed.withoutAbstract.length === 0) {
    throw new DigestError(
      'unrecognised',
      `This is not a digest Digest Reader can read. ${describeOther(text)}; expected paper titles, each followed by its abstract on the next line.`,
    );
  }
  return parsed;
}
