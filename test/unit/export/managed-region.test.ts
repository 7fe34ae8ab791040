import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../../src/export/front-matter';
import { type Managed, ownerOf, renderManaged, updateManaged } from '../../../src/export/managed-region';
import { paperMarkdown } from '../../../src/export/markdown';
import { record } from './helpers';

const v1 = paperMarkdown(record());
const v2 = paperMarkdown(record({ tags: ['transformers', 'to cite', 'classic'], note: 'Reread in May.' }));
const fm = (file: string) => parse(splitFrontMatter(file).yaml!) as Record<string, unknown>;

function updated(existing: string, m: Managed, overwrite = false): string {
  const result = updateManaged(existing, m, overwrite);
  if (result.status !== 'updated') throw new Error(`expected an update, got ${JSON.stringify(result)}`);
  return result.text;
}

/** A file as a reader leaves it after working on it in their vault. */
function readerEdits(file: string): string {
  return file
    .replace(/^---\n/, '---\naliases:\n  - AIAYN # short name\n')
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
    expect(fm(next)).toMatchObject({ aliases: ['AIAYN'], tags: ['transformers', 'to cite', 'classic'] });
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
});
