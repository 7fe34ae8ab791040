import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { Library } from '../../../src/library/library';
import { INDEX_VERSION } from '../../../src/search/search-index';
import { highlightRanges, snippet } from '../../../src/search/text';
import { SAMPLE, tempDir } from '../../helpers';

async function sampleLibrary(dir = tempDir()) {
  const library = new Library(dir, new EventBus());
  await library.import({ name: 'Sample', text: SAMPLE, source: 'file' });
  library.flush();
  return { dir, library };
}

const first = (library: Library, q: string) => library.query({ q, limit: 3 }).items.map((r) => r.title);

describe('search quality on the sample', () => {
  it.each([
    ['speculative decoding', /speculative decoding/i],
    ['KV cache compression', /KV.?cache/i],
    ['mixture of experts inference', /mixture.of.experts|MoE/i],
    ['test-time scaling', /test.time/i],
    ['FocusLLM', /^FocusLLM/],
  ])('"%s" puts a paper with it in the title first', async (q, expected) => {
    const { library } = await sampleLibrary();
    expect(first(library, q)[0]).toMatch(expected);
  });

  it('matches prefixes of the word being typed and tolerates a typo', async () => {
    const { library } = await sampleLibrary();
    expect(first(library, 'specul')[0]).toMatch(/speculative/i);
    expect(first(library, 'speculativ decodng')).toContainEqual(expect.stringMatching(/speculative decoding/i));
  });

  it('returns the matched terms as highlight ranges in title and snippet', async () => {
    const { library } = await sampleLibrary();
    const row = library.query({ q: 'speculative decoding' }).items[0];
    const marked = row.titleRanges.map(([s, e]) => row.title.slice(s, e).toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['speculative', 'decoding']));
    const withWord = library.query({ q: 'speculative decoding' }).items.find((r) => r.snippet.ranges.length > 0)!;
    const view = library.get(withWord.id, 'speculative decoding');
    expect(view.abstractRanges.length).toBeGreaterThan(0);
    for (const [s, e] of view.abstractRanges) expect(view.abstract.slice(s, e).toLowerCase()).toMatch(/^(speculative|decoding)$/);
  });

  it('finds nothing for words no paper has', async () => {
    const { library } = await sampleLibrary();
    expect(library.query({ q: 'xylophone zebra' }).total).toBe(0);
    expect(library.query({ q: '  ' }).searched).toBe(false);
  });
});

describe('the persisted index', () => {
  it('is loaded on restart, not rebuilt', async () => {
    const { dir } = await sampleLibrary();
    const again = new Library(dir, new EventBus());
    expect(again.index.source).toBe('loaded');
    expect(first(again, 'speculative decoding')[0]).toMatch(/speculative decoding/i);
  });

  it.each([
    ['missing', (file: string) => fs.rmSync(file)],
    ['unreadable', (file: string) => fs.writeFileSync(file, '{"version": 1, "st')],
    ['of another version', (file: string) => fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), version: INDEX_VERSION + 1 }))],
    ['stale (corpus changed)', (file: string) => fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), stamp: 'other' }))],
  ])('is rebuilt when %s', async (_, damage) => {
    const { dir } = await sampleLibrary();
    damage(path.join(dir, 'search-index.json'));
    const again = new Library(dir, new EventBus());
    expect(again.index.source).toBe('built');
    expect(again.index.size).toBe(119);
    expect(new Library(dir, new EventBus()).index.source).toBe('loaded');
  });
});

describe('highlighting helpers', () => {
  it('marks whole tokens only, case-insensitively', () => {
    const text = 'Decoding, decoder and DECODING.';
    expect(highlightRanges(text, new Set(['decoding'])).map(([s, e]) => text.slice(s, e))).toEqual(['Decoding', 'DECODING']);
  });
  it('centres the snippet on the first hit beyond the opening', () => {
    const text = `${'word '.repeat(100)}target rest of the sentence.`;
    const s = snippet(text, new Set(['target']));
    expect(s.text.startsWith('… ')).toBe(true);
    expect(s.ranges.map(([a, b]) => s.text.slice(a, b))).toEqual(['target']);
  });
});
