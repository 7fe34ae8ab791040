import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../../src/digest/parse';
import { ROOT } from '../../../../src/paths';
import { SAMPLE } from '../../../helpers';

const lines = SAMPLE.split('\n');
const original = parseDigest(SAMPLE).entries;

describe('the trending-papers format: a title longer than 400 characters', () => {
  it.each([
    ['the first paper', 2],
    ['a paper in the middle', 60],
    ['the last paper', 238],
  ])('in %s is reported with its line and the pairs after it stay title → abstract', (_, index) => {
    const long = `${lines[index].replace(/^Subscribe/, '')} ${'and a very long subtitle that goes on '.repeat(12)}`.trim();
    expect(long.length).toBeGreaterThan(400);
    const changed = [...lines];
    changed[index] = long;
    const { entries, skipped } = parseDigest(changed.join('\n'));
    expect(skipped).toEqual([
      {
        line: index + 1,
        text: long.slice(0, 120),
        reason: expect.stringMatching(/^a title longer than 400 characters \(its abstract, line \d+, was left out with it\)$/),
      },
    ]);
    const dropped = (index - 2) / 2;
    expect(entries.map((e) => [e.title, e.abstract])).toEqual(original.filter((_, i) => i !== dropped).map((e) => [e.title, e.abstract]));
  });

  it('still resynchronises after an abstract without its title', () => {
    const changed = [...lines];
    changed.splice(4, 1); // drop the second paper's title: its abstract stands alone
    const { entries, skipped } = parseDigest(changed.join('\n'));
    expect(entries).toHaveLength(118);
    expect(skipped.map((s) => s.reason)).toEqual(['too long for a title and not after a title']);
  });
});

describe('NUL bytes', () => {
  it('never reach a title, wherever they are', () => {
    const late = SAMPLE.indexOf('\n', 20000) + 5; // inside a title well after the first 8 KB
    const withNul = `${SAMPLE.slice(0, 30)}\u0000${SAMPLE.slice(30, late)}\u0000${SAMPLE.slice(late)}`;
    const { entries } = parseDigest(withNul);
    expect(entries.map((e) => e.title)).toEqual(original.map((e) => e.title));
  });
});

describe('titles that start with markup', () => {
  it('are still titles when the text is no XML, JSON or BibTeX', () => {
    const hostile = '<script>alert(1)</script> Title\nAn abstract with <img src=x onerror="alert(3)"> inside it, long enough to be read as an abstract.\n';
    expect(parseDigest(hostile)).toMatchObject({ format: 'trending-papers', entries: [{ title: '<script>alert(1)</script> Title' }] });
    expect(() =>
      parseDigest('<?xml version="1.0"?>\n<note>A short title</note>\nA longer line that would pair with the one before it, were this text.'),
    ).toThrow();
  });
});

describe("a copy of Hugging Face's trending page", () => {
  const page = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'formats', 'trending-page-copy.txt'), 'utf8');

  it("leaves the page's own lines out and keeps each paper's published day", () => {
    const { format, entries, skipped } = parseDigest(page);
    expect(format).toBe('trending-papers');
    expect(skipped).toEqual([]);
    expect(entries.map((e) => [e.title.split(':')[0], e.abstract.split(' ').slice(0, 3).join(' '), e.published])).toEqual([
      ['DeepSeek-OCR', 'We present DeepSeek-OCR', '2025-10-21'],
      ['Fast Speculative Decoding 🚀 with Tiny Drafters', 'Large language models', '2025-10-20'],
      ['Four-Step Diffusion Sampling by Rescheduling Noise', 'Diffusion models generate', '2025-10-19'],
    ]);
  });

  it('keeps a title that is a number, and gives a date only to the paper just above it', () => {
    const text = [
      'Upvote',
      '87',
      '2048',
      'We play the game 2048 with a small transformer and reach the 8192 tile in most games, with an analysis of its plans.',
      'Published on Oct 20, 2025',
      'A Paper Whose Title Runs On Long Enough To Be Longer Than Any Abstract Written After It In The Copied Page Of Papers',
      'A summary without a full stop that is too short',
      'Published on Oct 19, 2025',
    ].join('\n');
    const { entries } = parseDigest(text, { format: 'trending-papers' });
    expect(entries.map((e) => [e.title, e.published])).toEqual([['2048', '2025-10-20']]);
  });

  it('pairs a short summary with a longer title, when the summary is a sentence and the title is not', () => {
    const title = 'Towards Scalable and Efficient Long-Context Reasoning in Large Language Models via Hierarchical Memory and Adaptive Retrieval';
    const summary = 'A hierarchical memory lets LLMs reason over 1M-token contexts at a fraction of the usual cost.';
    expect(parseDigest(`${title}\n${summary}\n`).entries).toEqual([expect.objectContaining({ title, abstract: summary })]);
  });

  it('refuses structured text even when the format is chosen by hand', () => {
    const json = JSON.stringify(
      [{ paper: { id: '2401.00001', title: 'A title', summary: 'An abstract long enough to pair with the line before it, were it text.' } }],
      null,
      2,
    );
    expect(() => parseDigest(json, { format: 'trending-papers' })).toThrow(/structured data/);
  });
});
