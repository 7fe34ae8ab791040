import { emailBody } from './email-body';
import { DigestError, MAX_DIGEST_BYTES } from './errors';

/**
 * Bytes to text, for every way a digest file arrives: UTF-8 (with or without BOM), UTF-16 LE/BE
 * (with a BOM, or recognised by its zero bytes), and Windows-1252 for old files that are not valid
 * UTF-8. Real binary files (images, PDFs, archives) are refused.
 */

export function tooLarge(byteLength: number): DigestError {
  const mb = (byteLength / 1024 / 1024).toFixed(1);
  return new DigestError(
    'too-large',
    `This file is ${mb} MB; digests up to ${MAX_DIGEST_BYTES / 1024 / 1024} MB can be imported. Split it into smaller files.`,
  );
}

const binaryError = () => new DigestError('binary', 'This is a binary file, not a text digest.');

/** Which byte of each pair is mostly zero in UTF-16 text of mostly Latin letters. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  if (encoding === 'utf-16le') return new TextDecoder('utf-16le').decode(bytes);
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i < swapped.length; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

/**
 * Decodes a digest file's bytes (an e-mail saved as a file gives its plain-text body); throws a
 * DigestError for a file too large, UTF-32 or binary.
 */
export function decodeDigest(bytes: Uint8Array): string {
  return emailBody(decodeText(bytes));
}

function decodeText(bytes: Uint8Array): string {
  if (bytes.length > MAX_DIGEST_BYTES) throw tooLarge(bytes.length);
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw new DigestError('binary', 'This file is UTF-32 text, which Digest Reader does not read: save it as UTF-8.');
  }
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  const body = b0 === 0xef && b1 === 0xbb && b2 === 0xbf ? bytes.subarray(3) : bytes;
  const utf16 = utf16Guess(body);
  if (utf16) return decodeUtf16(body, utf16);
  if (looksBinaryBytes(body)) throw binaryError();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Not UTF-8: an old Latin-1/Windows-1252 file (BibTeX and RIS exports of older tools).
    return new TextDecoder('windows-1252').decode(body);
  }
}

/** Binary files have NUL and other control bytes early on; text has (nearly) none. */
function looksBinaryBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b)) odd++;
  }
  return odd > n * 0.02 || (n > 0 && bytes.subarray(0, n).includes(0) && odd > 8);
}
