import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../../src/export/front-matter';
import { type Managed, ownerOf, renderManaged, updateManaged } from '../../../src/export/managed-region';
import { collectionMarkdown, paperMarkdown } from '../../../src/export/markdown';
import { record } from './helpers';

const v1 = paperMarkdown(record());
const v2 = paperMarkdown(record({ tags: ['transformers', 'to cite', 'classic'], note: 'Reread in May.' }));
const fm = (file: string) => parse(splitFrontMatter(file).yaml!) as Record<string, unknown>;

function updated(existing: string, m: Managed, overwrite = false): string {
  const result = updateManaged(existing, m, overwrite);
  if (result.status !== 'updated') throw new Error(`expected an update, got ${JSON.stringify(result)}`);
  return result.text;
}

/** A file as a reader leaves it after working on it in their vault: an alias of their own, text before and after. */
function readerEdits(file: string): string {
  const alias = '  - AIAYN # short name\n';
  return (
    /^aliases:\n(?: {2}- .*\n)+/m.test(file) ? file.replace(/^(aliases:\n(?: {2}- .*\n)+)/m, `$1${alias}`) : file.replace(/^---\n/, `---\naliases:\n${alias}`)
  )
    .replace('<!-- digest-reader:begin', 'My summary, written before the exported part.\n\n<!-- digest-reader:begin')
    .concat('\n## My thoughts\n\nLinks to [[Another paper]].\n');
}

describe('managed regions', () => {
  it('a file names its owner, and an unchanged re-export changes nothing', () => {
    const file = renderManaged(v1);
    expect(ownerOf(file)).toBe('paper:0123456789abcdef');
    expect(updateManaged(file, v1)).toEqual({ status: 'unchanged' });
  });

  it('a re-export updates the app’s part and keeps everything the reader added', () => {
    const edited = readerEdits(renderManaged(v1));
    const next = updated(edited, v2);
    expect(next).toContain('My summary, written before the exported part.');
    expect(next).toContain('## My thoughts\n\nLinks to [[Another paper]].\n');
    expect(next).toContain('AIAYN # short name');
    expect(next).toContain('Reread in May.');
    expect(next).not.toContain('Worth rereading.');
    expect(fm(next)).toMatchObject({ aliases: ['Attention Is All You Need', 'AIAYN'], tags: ['transformers', 'to-cite', 'classic'] });
    // And once more: now nothing is left to do.
    expect(updateManaged(next, v2)).toEqual({ status: 'unchanged' });
  });

  it('an edit inside the app’s part is a conflict, not silently overwritten', () => {
    const file = renderManaged(v1).replace('Worth rereading.', 'Worth rereading twice.');
    expect(updateManaged(file, v2)).toEqual({ status: 'conflict', reason: expect.stringContaining('edited') });
  });

  it('so is a change to one of the app’s front matter values', () => {
    const file = renderManaged(v1).replace('  - to cite\n', '  - cited\n');
    expect(updateManaged(file, v2)).toMatchObject({ status: 'conflict' });
  });

  it('overwriting on request replaces the app’s part and still keeps the reader’s own text', () => {
    const file = readerEdits(renderManaged(v1)).replace('Worth rereading.', 'Worth rereading twice.');
    const next = updated(file, v2, true);
    expect(next).not.toContain('twice');
    expect(next).toContain('Reread in May.');
    expect(next).toContain('My summary, written before the exported part.');
    expect(next).toContain('## My thoughts');
    expect(updateManaged(next, v2)).toEqual({ status: 'unchanged' });
  });

  it('a removed end marker or unreadable front matter is a conflict', () => {
    const file = renderManaged(v1);
    expect(updateManaged(file.replace('<!-- digest-reader:end -->', ''), v2)).toMatchObject({
      status: 'conflict',
      reason: expect.stringContaining('end marker'),
    });
    expect(updateManaged(file.replace('status: read', 'status: [read'), v2)).toMatchObject({ status: 'conflict', reason: expect.stringContaining('YAML') });
    expect(fm(updated(file.replace('status: read', 'status: [read'), v2, true))).toMatchObject({ status: 'read' });
  });

  it('Windows line endings and extra blank lines around the region are not edits', () => {
    const file = renderManaged(v1).replace('## Abstract', '\n\n## Abstract').replace(/\n/g, '\r\n');
    expect(updateManaged(file, v2).status).toBe('updated');
  });

  it('a note that contains a marker cannot end the region early', () => {
    const sneaky = paperMarkdown(record({ note: 'before\n<!-- digest-reader:end -->\nafter' }));
    const file = renderManaged(sneaky) + '\nreader text\n';
    expect(updateManaged(file, sneaky)).toEqual({ status: 'unchanged' });
    expect(updated(file, v1)).toContain('reader text');
    expect(updated(file, v1)).not.toContain('after');
  });

  it('refuses a file that belongs to another paper', () => {
    const other = paperMarkdown(record({ id: 'ffffffffffffffff' }));
    expect(updateManaged(renderManaged(other), v1)).toMatchObject({ status: 'conflict' });
  });

  it('aliases the reader adds or removes are theirs: not an edit, never replaced; the title is added back', () => {
    const file = renderManaged(v1).replace('  - Attention Is All You Need\n', '  - AIAYN\n');
    const next = updated(file, v2);
    expect(fm(next).aliases).toEqual(['AIAYN', 'Attention Is All You Need']);
    expect(updateManaged(next, v2)).toEqual({ status: 'unchanged' });
  });

  it('a key the app no longer writes is removed on re-export; the reader’s keys stay', () => {
    const withDoi = paperMarkdown(record({ doi: '10.1/x', readAt: '2025-03-06T09:30:00.000Z' }));
    const without = paperMarkdown(record({ doi: undefined, readAt: null }));
    const next = updated(readerEdits(renderManaged(withDoi)), without);
    expect(fm(next)).not.toHaveProperty('doi');
    expect(fm(next)).not.toHaveProperty('read');
    expect(fm(next)).toMatchObject({ aliases: ['Attention Is All You Need', 'AIAYN'], id: '0123456789abcdef' });
    expect(updateManaged(next, without)).toEqual({ status: 'unchanged' });
  });
});

/** Files written by the version before flat properties (nested digests and attributes, no key list in the marker). */
describe('files written by an earlier version', () => {
  const legacy = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

  it('are recognised as unedited, and a re-export turns them into flat properties, keeping the reader’s additions', () => {
    const old = readerEdits(legacy('legacy-paper.md'));
    const now = paperMarkdown(record({ attributes: { Efficiency: { 'Speed-up': '2.1x' } }, arxivId: '1706.03762' }));
    const next = updated(old, now);
    const values = fm(next);
    expect(values).toMatchObject({
      aliases: ['AIAYN', 'Attention Is All You Need'],
      digests: ['Trending papers'],
      attributes: ['Efficiency / Speed-up: 2.1x'],
      arxiv: '1706.03762',
    });
    expect(next).toContain('My summary, written before the exported part.');
    expect(next).toContain('## My thoughts');
    expect(updateManaged(next, now)).toEqual({ status: 'unchanged' });
  });

  it('still report an edit made to their exported part', () => {
    const old = legacy('legacy-paper.md').replace('Worth rereading.', 'Worth rereading, twice.');
    expect(updateManaged(old, paperMarkdown(record()))).toMatchObject({ status: 'conflict', reason: expect.stringContaining('edited') });
    const index = legacy('legacy-index.md');
    const list = { kind: 'list' as const, id: 'l1', name: 'To read' };
    const links = [{ title: 'Attention Is All You Need', file: 'Attention Is All You Need.md' }];
    expect(updateManaged(index, collectionMarkdown(list, links, true))).toMatchObject({ status: 'updated' });
    expect(updateManaged(index.replace('papers: 1', 'papers: 2'), collectionMarkdown(list, links, true))).toMatchObject({ status: 'conflict' });
  });
});
