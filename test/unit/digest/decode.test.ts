import { describe, expect, it } from 'vitest';
import { decodeDigest } from '../../../src/digest/decode';
import { MAX_DIGEST_BYTES } from '../../../src/digest/errors';
import { parseDigest } from '../../../src/digest/parse';
import { SAMPLE } from '../../helpers';
import { digestError, fixture } from './support';

const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
};

describe('decodeDigest', () => {
  const text = fixture('arxiv-email-cs.txt'); // has accents: Jörg, Sofía

  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
    ['UTF-16 LE without BOM', Buffer.from(text, 'utf16le')],
    ['UTF-16 BE without BOM', utf16be(text)],
  ])('reads %s', (_, bytes) => {
    expect(decodeDigest(new Uint8Array(bytes))).toBe(text);
  });

  it('reads an old Windows-1252 file that is not UTF-8', () => {
    expect(decodeDigest(Buffer.from('TY  - JOUR\nAU  - M\xfcller, J\xf6rg\n', 'latin1'))).toBe('TY  - JOUR\nAU  - Müller, Jörg\n');
  });

  it('lets a UTF-16 digest through to the parser (it is not "binary")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(parseDigest(decodeDigest(bytes)).entries).toHaveLength(119);
  });

  it('refuses real binary files, UTF-32 and files over the limit', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5c, 0x72, 0xa8,
    ]);
    expect(digestError(() => decodeDigest(png)).code).toBe('binary');
    expect(digestError(() => decodeDigest(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).code).toBe('binary');
    expect(digestError(() => decodeDigest(new Uint8Array(MAX_DIGEST_BYTES + 1))).code).toBe('too-large');
  });

  it('parses UTF-16 text that was read as 8-bit (every other character NUL) instead of calling it binary', () => {
    const misread = Buffer.from(SAMPLE, 'utf16le').toString('latin1');
    expect(parseDigest(misread).entries).toHaveLength(119);
  });
});
