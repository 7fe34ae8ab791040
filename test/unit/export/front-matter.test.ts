import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeFrontMatter, renderFrontMatter, splitFrontMatter } from '../../../src/export/front-matter';
import { paperFrontMatter } from '../../../src/export/markdown';
import { obsidianTag } from '../../../src/export/obsidian';
import { BAD_TITLES, record } from './helpers';

/** Parses a file's front matter the way a vault tool would: strictly, duplicate keys refused. */
function parsed(file: string) {
  const { yaml } = splitFrontMatter(file);
  expect(yaml).not.toBeNull();
  return parse(yaml!, { strict: true, uniqueKeys: true }) as Record<string, unknown>;
}

/** Strings that YAML would read as something else, or that break naive writers. */
const TRICKY = [
  ...BAD_TITLES,
  'null',
  'true',
  'no',
  '2024-01-01',
  '0x1F',
  '1e3',
  '- a list?',
  'key: value',
  '#comment',
  '---',
  '...',
  "'single'",
  '"double"',
  '[flow]',
  '{map}',
  '&anchor',
  '*alias',
  '!tag',
  '%directive',
  '@at',
  '`tick`',
  '|',
  '>',
  ' lead',
  'trail ',
  'multi\nline',
];

describe('front matter', () => {
  it('holds every field of a paper as flat properties, and parses back to the same values', () => {
    const p = record({
      title: 'Attention Is All You Need: $\\mathcal{O}(n^2)$',
      attributes: { 'Model sizes': { parameters: '7B', dataset: 'C4:\ncleaned' } },
      arxivId: '1706.03762',
      doi: '10.5555/3295222.3295349',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      published: '2017-06-12T17:57:34Z',
      categories: ['cs.CL', 'cs.LG'],
      links: { abs: 'https://arxiv.org/abs/1706.03762', pdf: 'https://arxiv.org/pdf/1706.03762', code: 'https://github.com/tensorflow/tensor2tensor' },
    });
    const values = parsed(renderFrontMatter(paperFrontMatter(p)));
    expect(values).toEqual({
      title: 'Attention Is All You Need: O(n2)',
      aliases: ['Attention Is All You Need: O(n2)'],
      id: '0123456789abcdef',
      arxiv: '1706.03762',
      doi: '10.5555/3295222.3295349',
      url: 'https://arxiv.org/abs/1706.03762',
      pdf: 'https://arxiv.org/pdf/1706.03762',
      code: 'https://github.com/tensorflow/tensor2tensor',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      published: '2017-06-12',
      year: 2017,
      categories: ['cs.CL', 'cs.LG'],
      tags: ['transformers', 'to-cite'],
      tag_names: ['transformers', 'to cite'],
      digests: ['Trending papers'],
      lists: ['Read later'],
      status: 'read',
      starred: true,
      created: expect.stringMatching(/^2025-03-0[45]$/),
      read: expect.stringMatching(/^2025-03-0[56]$/),
      attributes: ['Model sizes / parameters: 7B', 'Model sizes / dataset: C4: cleaned'],
    });
  });

  it('leaves out what a paper does not have (no nulls, no empty lists)', () => {
    const values = parsed(renderFrontMatter(paperFrontMatter(record({ tags: [], lists: [], readAt: null }))));
    expect(Object.keys(values)).toEqual(['title', 'aliases', 'id', 'digests', 'status', 'starred', 'created']);
  });

  it.each([
    ['to cite', 'to-cite'],
    ['#reasoning', 'reasoning'],
    ['2024', '_2024'],
    ['100%', '_100'],
    ['C++ & Rust', 'C-Rust'],
    ['reasoning / chain of thought', 'reasoning/chain-of-thought'],
    ['//nested//deep/', 'nested/deep'],
    ['Ünïcödé 日本語', 'Ünïcödé-日本語'],
    ['🚀 rockets', 'rockets'],
    ['y1984', 'y1984'],
  ])('tag %j becomes the Obsidian tag %j', (name, tag) => {
    expect(obsidianTag(name)).toBe(tag);
    expect(tag).toMatch(/^[\p{L}\p{M}\p{N}_/-]+$/u);
    expect(tag).toMatch(/[^\p{N}/]/u);
  });

  it('drops tags with nothing usable, and keeps every original name', () => {
    const values = paperFrontMatter(record({ tags: ['🚀', '!!', 'to cite', 'to-cite'] }));
    expect(values).toMatchObject({ tags: ['to-cite'], tag_names: ['🚀', '!!', 'to cite', 'to-cite'] });
  });

  it.each(TRICKY)('a title, tag or list named %j stays a string', (text) => {
    const p = record({
      title: text,
      tags: [text, 'plain'],
      lists: [text],
      authors: [text],
      digests: [{ name: text, importedAt: '2025-01-01T12:00:00Z', position: 1 }],
    });
    const fm = paperFrontMatter(p);
    expect(parsed(renderFrontMatter(fm))).toEqual(fm);
  });

  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }), (title, tags) => {
        const fm = paperFrontMatter(record({ title, tags }));
        expect(parsed(renderFrontMatter(fm))).toEqual(fm);
      }),
    );
  });

  it('a merge sets the app’s keys and keeps the reader’s keys and comments', () => {
    const reader = 'aliases:\n  - AIAYN\ntitle: Old title # the reader’s comment\nrating: 5\n';
    const merged = mergeFrontMatter(reader, { title: 'New title', tags: ['a'] });
    expect(merged).toContain('# the reader’s comment');
    expect(parsed(merged)).toEqual({ aliases: ['AIAYN'], title: 'New title', rating: 5, tags: ['a'] });
  });

  it('a merge into front matter that is not YAML replaces it', () => {
    expect(parsed(mergeFrontMatter('title: [unclosed\n', { title: 'T' }))).toEqual({ title: 'T' });
  });
});
