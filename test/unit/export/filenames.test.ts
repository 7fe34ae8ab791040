import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileNamer, safeBaseName } from '../../../src/export/filenames';
import { BAD_TITLES } from './helpers';

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** What makes a name safe on Linux, macOS and Windows, and in an Obsidian link. */
function expectSafe(name: string) {
  expect(name.length).toBeGreaterThan(0);
  expect(name).not.toMatch(/[/\\:*?"<>|#^[\]]/);
  // eslint-disable-next-line no-control-regex -- no control character may reach a file name
  expect(name).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
  expect(name).not.toMatch(/^[.\s-]/);
  expect(name).not.toMatch(/[.\s]$/);
  expect(name.split('.')[0]).not.toMatch(RESERVED);
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(120);
  expect(name).not.toMatch(/\p{Cs}/u); // no lone surrogate (half an emoji)
}

describe('safe file names', () => {
  it.each(BAD_TITLES)('%j gives a safe name', (title) => {
    expectSafe(safeBaseName(title, 'Untitled'));
  });

  it('keeps what it can of a title, readably', () => {
    expect(safeBaseName('Input/Output: a survey', 'x')).toBe('Input-Output - a survey');
    expect(safeBaseName('Why? Because: *stars* and "quotes"', 'x')).toBe("Why Because - stars and 'quotes'");
    expect(safeBaseName('../../etc/passwd', 'x')).toBe('etc-passwd');
    expect(safeBaseName('A title ending with dots...', 'x')).toBe('A title ending with dots');
  });

  it('keeps emoji whole, including joined sequences and flags', () => {
    expect(safeBaseName('🚀 Rocket 👩‍🔬 science 🇫🇷', 'x')).toBe('🚀 Rocket 👩‍🔬 science 🇫🇷');
    const long = safeBaseName('👩‍🔬'.repeat(60), 'x');
    expect(long).not.toMatch(/\p{Cs}/u);
    expect(long).toMatch(/^(👩‍🔬)+$/u);
  });

  it('cuts a long title at a word break', () => {
    const name = safeBaseName('Transformers are '.repeat(18), 'x');
    expect(name).toMatch(/^(Transformers are )+Transformers( are)?$/);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(120);
  });

  it('falls back when nothing usable is left, and defuses reserved device names', () => {
    expect(safeBaseName('?!?...***', 'Paper 01234567')).toBe('Paper 01234567');
    expect(safeBaseName('', 'Paper 01234567')).toBe('Paper 01234567');
    expect(safeBaseName('..', 'Paper 01234567')).toBe('Paper 01234567');
    expect(safeBaseName('CON', 'x')).toBe('CON_');
    expect(safeBaseName('nul.txt', 'x')).toBe('nul_.txt');
    expect(safeBaseName('Console wars', 'x')).toBe('Console wars');
  });

  it('is safe for any string at all', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (title) => expectSafe(safeBaseName(title, 'Untitled'))));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (title) => expectSafe(safeBaseName(title, 'Untitled'))));
  });
});

describe('FileNamer', () => {
  it('resolves collisions from the id, ignoring case (as macOS and Windows do)', () => {
    const namer = new FileNamer(['Notes.md']);
    expect(namer.claim('Attention', 'aaaaaa111', 'md')).toBe('Attention.md');
    expect(namer.claim('ATTENTION', 'bbbbbb222', 'md')).toBe('ATTENTION (bbbbbb).md');
    expect(namer.claim('Attention?', 'bbbbbb333', 'md')).toBe('Attention (bbbbbb333).md');
    expect(namer.claim('notes', 'cccccc444', 'md')).toBe('notes (cccccc).md');
    // Papers' own ids: an arXiv paper by its arXiv id, another by the start of its hash (not "arxiv-").
    expect(namer.claim('Attention', 'arxiv-2401-10774', 'md')).toBe('Attention (2401.10774).md');
    expect(namer.claim('Attention', 'doi-a1e0b720fa4c4785', 'md')).toBe('Attention (a1e0b7).md');
  });

  it('never hands out the same name twice', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('A', 'a', 'A?', 'A.', '', '?'), fc.stringMatching(/^[0-9a-f]{16}$/)), { maxLength: 30 }), (papers) => {
        const namer = new FileNamer();
        const names = papers.map(([title, id]) => namer.claim(title, id, 'md').toLowerCase());
        expect(new Set(names).size).toBe(names.length);
      }),
    );
  });
});
