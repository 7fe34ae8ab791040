import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Corpus } from '../../../src/library/corpus';
import { digestsInOrder, objectEnd } from '../../../src/library/replay';
import type { StoredPaper } from '../../../src/library/stored-paper';
import { tempDir } from '../../helpers';

/** A digest file as the app writes it (its record first), or with its keys in another order. */
function writeDigest(dir: string, name: string, id: string, importedAt: string, titles: string[], recordLast = false) {
  const digest = { id, name: `Digest ${id}`, importedAt, format: 'test', source: 'file', contentHash: `h-${id}`, paperCount: titles.length };
  const entries = titles.map((title, i) => ({ id: `${id}-${i}`, title, abstract: `The abstract of ${title}: {braces} and "quotes" \\ in it.` }));
  const data = recordLast ? { entries, digest, version: 2 } : { version: 2, digest, entries };
  fs.writeFileSync(path.join(dir, name), JSON.stringify(data));
}

describe('replaying the digest files', () => {
  it('reads them in the order they were imported, whatever their names or the order of their keys', () => {
    const dir = tempDir();
    writeDigest(dir, 'a.json', 'late', '2026-03-01T00:00:00.000Z', ['C']);
    writeDigest(dir, 'b.json', 'first', '2026-01-01T00:00:00.000Z', ['A'], true);
    writeDigest(dir, 'c.json', 'tie-b', '2026-02-01T00:00:00.000Z', ['B2']);
    writeDigest(dir, 'd.json', 'tie-a', '2026-02-01T00:00:00.000Z', ['B1'], true);
    // A record longer than the head read of each file: read whole.
    writeDigest(dir, 'e.json', 'long-name', '2026-02-15T00:00:00.000Z', ['L']);
    const file = path.join(dir, 'e.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"name":"Digest long-name"', `"name":"${'x'.repeat(5000)}"`));
    const warnings: unknown[] = [];
    expect([...digestsInOrder(dir, (w) => warnings.push(w))].map((d) => d.digest.id)).toEqual(['first', 'tie-a', 'tie-b', 'long-name', 'late']);
    expect(warnings).toEqual([]);
  });

  it('sets aside a file whose record reads but whose papers do not, tells the reader, and replays the rest', () => {
    const dir = tempDir();
    writeDigest(dir, 'a.json', 'one', '2026-01-01T00:00:00.000Z', ['A']);
    writeDigest(dir, 'b.json', 'two', '2026-01-02T00:00:00.000Z', ['B']);
    fs.writeFileSync(path.join(dir, 'b.json'), fs.readFileSync(path.join(dir, 'b.json'), 'utf8').slice(0, -20));
    const warnings: Array<{ code: string }> = [];
    expect([...digestsInOrder(dir, (w) => warnings.push(w))].map((d) => d.digest.id)).toEqual(['one']);
    expect(warnings.map((w) => w.code)).toEqual(['digest-corrupt']);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))).toEqual(['a.json']);
  });

  it('finds where a JSON object ends, past strings with braces, quotes and backslashes in them', () => {
    const text = '{"a":{"b":"}{\\"\\\\","c":[1,{"d":"]"}]},"e":2} and after';
    expect(objectEnd(text, 0)).toBe(text.indexOf(' and after'));
    expect(objectEnd(text, 5)).toBe(text.indexOf(',"e"'));
    expect(objectEnd('{"cut short": "', 0)).toBe(-1);
    expect(objectEnd('[1]', 0)).toBe(-1);
  });

  it('writes each digest’s abstracts to their file as it replays them, and reads them back as they were', async () => {
    const dir = tempDir();
    const digests = path.join(dir, 'digests');
    fs.mkdirSync(digests);
    const titles = Array.from({ length: 300 }, (_, i) => `Paper ${i}`);
    for (let d = 0; d < 3; d++) writeDigest(digests, `${d}.json`, `d${d}`, `2026-01-0${d + 1}T00:00:00.000Z`, titles.slice(d * 100, d * 100 + 100));
    const corpus = new Corpus(dir);
    expect(corpus.loadedFrom).toBe('digests');
    const papers = [...corpus.papers];
    // None held in memory: each reads its own from the file.
    expect(papers.map((p) => (p as unknown as StoredPaper).unsaved).filter((t) => t !== undefined)).toEqual([]);
    expect(papers.map((p) => p.abstract)).toEqual(titles.map((t) => `The abstract of ${t}: {braces} and "quotes" \\ in it.`));
    await corpus.close();
    const again = new Corpus(dir);
    expect(again.loadedFrom).toBe('cache');
    expect([...again.papers].map((p) => p.abstract)).toEqual(papers.map((p) => p.abstract));
    await again.close();
  });

  it('keeps the abstracts in memory when their file cannot be written, and the papers whole', async () => {
    const dir = tempDir();
    const digests = path.join(dir, 'digests');
    fs.mkdirSync(digests);
    writeDigest(digests, 'a.json', 'one', '2026-01-01T00:00:00.000Z', ['A', 'B']);
    fs.mkdirSync(path.join(dir, 'corpus-abstracts.bin')); // a folder where the file should be
    const corpus = new Corpus(dir);
    const papers = [...corpus.papers];
    expect(papers.map((p) => (p as unknown as StoredPaper).unsaved)).toEqual(papers.map((p) => p.abstract));
    expect(papers.map((p) => p.abstract)).toEqual(['A', 'B'].map((t) => `The abstract of ${t}: {braces} and "quotes" \\ in it.`));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await corpus.close(); // the cache's save fails, and says so
    expect(error.mock.calls.join(' ')).toMatch(/cache of your papers could not be saved/);
    error.mockRestore();
  });
});
