import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeFrontMatter, renderFrontMatter, splitFrontMatter } from '../../../src/export/front-matter';
import { paperFrontMatter } from '../../../src/export/markdown';
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
  it('holds every field of a paper, and parses back to the same values', () => {
    const p = record({ attributes: { 'Model sizes': { parameters: '7B', dataset: 'C4: cleaned' } }, arxivId: '1706.03762' });
    const values = parsed(renderFrontMatter(paperFrontMatter(p)));
    expect(values).toEqual({
      title: 'Attention Is All You Need',
      id: '0123456789abcdef',
      digests: [{ name: 'Trending papers', date: expect.stringMatching(/^2025-03-0[45]$/), position: 3 }],
      tags: ['transformers', 'to cite'],
      lists: ['Read later'],
      status: 'read',
      starred: true,
      created: expect.stringMatching(/^2025-03-0[45]$/),
      read: expect.stringMatching(/^2025-03-0[56]$/),
      attributes: { 'Model sizes': { parameters: '7B', dataset: 'C4: cleaned' } },
      arxiv: '1706.03762',
    });
  });

  it.each(TRICKY)('a title, tag or list named %j stays a string', (text) => {
    const p = record({ title: text, tags: [text, 'plain'], lists: [text], digests: [{ name: text, importedAt: '2025-01-01T12:00:00Z', position: 1 }] });
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
