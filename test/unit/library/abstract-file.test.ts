import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AbstractFile } from '../../../src/library/abstract-file';
import { tempDir } from '../../helpers';

/** Texts of every size around the file's 4 KB blocks, with multi-byte characters on the seams. */
function texts(): string[] {
  const sizes = [1, 700, 1100, 4095, 4096, 4097, 9000, 70_000, 3, 1500, 200_000, 12];
  return sizes.map((n, i) => `${i}é—`.repeat(Math.ceil(n / 4)).slice(0, n));
}

describe('the file of abstracts', () => {
  it('reads back every abstract, across blocks and in any order, as it was written', async () => {
    const file = new AbstractFile(path.join(tempDir(), 'abstracts.bin'));
    const all = texts();
    const places = await file.append(all, true);
    const more = await file.append(['after the first append', ''.padEnd(5000, 'x')]);
    const read = (i: number) => file.read(...places[i]);
    // Backwards (no read-ahead), forwards (a scan), then at random.
    for (let i = all.length - 1; i >= 0; i--) expect(read(i)).toBe(all[i]);
    for (let i = 0; i < all.length; i++) expect(read(i)).toBe(all[i]);
    for (const i of [5, 0, 11, 7, 2, 10, 3]) expect(read(i)).toBe(all[i]);
    expect(file.read(...more[0])).toBe('after the first append');
    expect(file.read(...more[1])).toBe(''.padEnd(5000, 'x'));
    file.close();
  });

  it('places appends asked for at once one after another, each where the one before it ended', async () => {
    const file = new AbstractFile(path.join(tempDir(), 'abstracts.bin'));
    const all = texts();
    const [first, second, third] = await Promise.all([file.append(all.slice(0, 6), true), file.append(all.slice(6)), file.append(['last'])]);
    expect([...first, ...second, ...third].map((place) => file.read(...place))).toEqual([...all, 'last']);
    file.close();
  });

  it('reads what an append put after the end it had read: the block that held the end is read again', async () => {
    const file = new AbstractFile(path.join(tempDir(), 'abstracts.bin'));
    const first = await file.append(['a short first abstract', 'and a second, both in the first block'], true);
    expect(file.read(...first[1])).toBe('and a second, both in the first block'); // the first block, short, is held
    for (const round of [1, 2, 3]) {
      const [place] = await file.append([`appended in round ${round}, in the same block`]);
      expect(file.read(...place)).toBe(`appended in round ${round}, in the same block`);
    }
    const across = await file.append(['y'.repeat(5000), 'after it, in the second block']);
    expect(file.read(...across[1])).toBe('after it, in the second block');
    expect(file.read(...across[0])).toBe('y'.repeat(5000));
    expect(file.read(...first[0])).toBe('a short first abstract');
    file.close();
  });

  it('writes a lone surrogate as U+FFFD, and halves of a pair in two texts do not join: every place stays right', async () => {
    const file = new AbstractFile(path.join(tempDir(), 'abstracts.bin'));
    const texts = ['ends high \uD83D', '\uDE00 starts low', 'é after them', '😀 whole'];
    const expected = ['ends high \uFFFD', '\uFFFD starts low', 'é after them', '😀 whole'];
    const appended = await file.append(texts, true);
    expect(appended.map((p) => file.read(...p))).toEqual(expected);
    const writer = file.rewrite();
    const rewritten = [...writer.append(texts.slice(0, 2)), ...writer.append(texts.slice(2))];
    writer.end();
    expect(rewritten.map((p) => file.read(...p))).toEqual(expected);
    file.close();
  });

  it('a scan of 20,000 abstracts reads each as written, more blocks than are held', async () => {
    const file = new AbstractFile(path.join(tempDir(), 'abstracts.bin'));
    const all = Array.from({ length: 20_000 }, (_, i) => `Paper ${i}: ${'a study of things '.repeat(i % 90)}`);
    const places = await file.append(all, true);
    expect(places.every(([at, length], i) => file.read(at, length) === all[i])).toBe(true);
    expect(file.read(...places[3])).toBe(all[3]); // evicted long ago, read again
    file.close();
  });

  it('says the file ends early, and how to mend it, when it was cut short', async () => {
    const dir = tempDir();
    const file = new AbstractFile(path.join(dir, 'abstracts.bin'));
    const places = await file.append(texts(), true);
    fs.truncateSync(path.join(dir, 'abstracts.bin'), places[4][0] + 10);
    file.close();
    expect(() => file.read(...places[3])).not.toThrow();
    for (const i of [4, 6, 7]) expect(() => file.read(...places[i])).toThrow(/ends early; restart the app/);
  });
});
