import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachLine } from '../../../src/storage/files';
import { tempDir } from '../../helpers';

const linesOf = (file: string) => {
  const lines: string[] = [];
  eachLine(file, (line) => lines.push(line));
  return lines;
};

describe('reading a file a line at a time', () => {
  it('gives every line whole: across its chunks, longer than a chunk, multi-byte characters on the seams, empty lines', () => {
    const file = path.join(tempDir(), 'lines.txt');
    const lines = ['', 'é'.repeat(700_000), 'short', '', '—'.repeat(50_000), 'x'.repeat(3_000_000), 'last'];
    for (let i = 0; i < 2000; i++) lines.push(`line ${i} ${'数'.repeat(i % 300)}`);
    fs.writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
    expect(linesOf(file)).toEqual(lines);
  });

  it('throws on a file whose last line has no end (cut short), after giving the lines before it', () => {
    const file = path.join(tempDir(), 'lines.txt');
    fs.writeFileSync(file, 'one\ntwo\nthr');
    const seen: string[] = [];
    expect(() => eachLine(file, (line) => seen.push(line))).toThrow(/ends within a line/);
    expect(seen).toEqual(['one', 'two']);
    fs.writeFileSync(file, '');
    expect(linesOf(file)).toEqual([]);
  });
});
