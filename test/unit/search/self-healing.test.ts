/**
 * Issue 12, finding 4: with the index snapshot replaced by a folder or by damaged bytes, search said
 * "Search is unavailable: EISDIR" for good although the corpus was intact. Now the snapshot is set
 * aside, the index rebuilt from the library, and the reader told; one of another version is
 * rebuilt without a word.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { Library } from '../../../src/library/library';
import { SAMPLE, tempDir } from '../../helpers';

const SNAPSHOT = 'search-index.bin';

async function libraryWithIndex() {
  const dir = tempDir();
  const first = new Library(dir, new EventBus());
  await first.import({ name: 'Sample', text: SAMPLE, source: 'file' });
  await first.ready;
  await first.close();
  expect(fs.existsSync(path.join(dir, SNAPSHOT))).toBe(true);
  return dir;
}

async function reopen(dir: string) {
  const library = new Library(dir, new EventBus());
  await library.ready;
  const hits = await library.query({ q: 'speculative decoding', limit: 3 });
  const warnings = library.warnings;
  await library.close();
  return { hits, warnings, files: fs.readdirSync(dir) };
}

describe('a search index that cannot be read', () => {
  it.each([
    ['a folder in its place', (file: string) => (fs.rmSync(file), fs.mkdirSync(file))],
    ['damaged bytes', (file: string) => fs.writeFileSync(file, Buffer.from('DRIDX garbage that is no snapshot at all'))],
    ['cut short', (file: string) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2))],
  ])('with %s is set aside and rebuilt, search works, and the reader is told', async (_, damage) => {
    const dir = await libraryWithIndex();
    damage(path.join(dir, SNAPSHOT));
    const { hits, warnings, files } = await reopen(dir);
    expect(hits.items[0].title).toMatch(/Speculative/);
    expect(warnings).toEqual([expect.objectContaining({ code: 'index-rebuilt', message: expect.stringContaining(`${SNAPSHOT}.corrupt-`) })]);
    expect(files.filter((f) => f.startsWith(`${SNAPSHOT}.corrupt-`))).toHaveLength(1);
    expect(fs.statSync(path.join(dir, SNAPSHOT)).isFile()).toBe(true); // a new snapshot, written at close
    // …and the next start loads it, with nothing to tell.
    const again = await reopen(dir);
    expect(again.warnings).toEqual([]);
  });

  it('is rebuilt without a word when it is only of another version', async () => {
    const dir = await libraryWithIndex();
    const file = path.join(dir, SNAPSHOT);
    const bytes = fs.readFileSync(file);
    const text = bytes.toString('latin1');
    const at = text.indexOf('"builtWith":"') + '"builtWith":"'.length;
    expect(at).toBeGreaterThan(20);
    bytes[at] = bytes[at] === 0x78 ? 0x79 : 0x78; // another engine's mark, the same length
    fs.writeFileSync(file, bytes);
    const { hits, warnings, files } = await reopen(dir);
    expect(hits.items[0].title).toMatch(/Speculative/);
    expect(warnings).toEqual([]);
    expect(files.some((f) => f.includes('.corrupt-'))).toBe(false);
  });
});
