import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Api } from '../../../src/api';
import { dispatch } from '../../../src/boundary/dispatch';
import { openCore, type Core } from '../../../src/core';
import { tempDir } from '../../helpers';

const HF = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'formats', 'hf-daily-papers.json'), 'utf8');

type HfItem = { paper: { id: string; upvotes: number } };

/** The same day's file downloaded later: upvotes grown, in another order (Hugging Face sorts by them). */
function laterSameDay(text: string, grow: (item: HfItem, i: number) => number): string {
  const items = JSON.parse(text) as HfItem[];
  for (const [i, item] of items.entries()) item.paper.upvotes += grow(item, i);
  return JSON.stringify(items.reverse(), null, 1);
}

async function call<K extends keyof Api>(core: Core, name: K, arg: Api[K]['arg']): Promise<Api[K]['result']> {
  const envelope = await dispatch(core.handlers, name, arg);
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as Api[K]['result'];
}

const upvotes = async (core: Core) => Object.fromEntries((await call(core, 'papers.query', { limit: 100 })).items.map((p) => [p.arxivId, p.upvotes]));

describe('a listing imported again with nothing new', () => {
  it('updates the upvotes of its papers, makes no digest, says it was imported already; a restart keeps the upvotes', async () => {
    const dataDir = tempDir();
    let core = await openCore({ dataDir });
    try {
      const first = await call(core, 'digests.import', { fileName: 'daily_papers.json', text: HF, source: 'file' });
      expect(first.added).toBe(6);
      const later = laterSameDay(HF, (_, i) => (i === 0 ? 10 : 0));
      const again = await call(core, 'digests.import', { fileName: 'daily_papers (1).json', text: later, source: 'file' });
      expect(again).toMatchObject({ digest: null, alreadyImported: { id: first.digest!.id }, added: 0, updated: 1 });
      expect((await call(core, 'digests.list', {})).digests.map((d) => d.name)).toEqual([first.digest!.name]);
      expect(await upvotes(core)).toMatchObject({ '2502.04180': 37, '2408.11745': 24 });
      // The very same later file once more: recognised as the digest it repeated.
      expect(await call(core, 'digests.import', { fileName: 'x.json', text: later, source: 'file' })).toMatchObject({
        alreadyImported: { id: first.digest!.id },
        updated: 0,
      });
      // Only the order changed: nothing to update, nothing written.
      const reordered = laterSameDay(later, () => 0);
      expect(await call(core, 'digests.import', { fileName: 'y.json', text: reordered, source: 'file' })).toMatchObject({ digest: null, updated: 0 });
    } finally {
      await core.close();
    }
    core = await openCore({ dataDir });
    try {
      expect((await call(core, 'digests.list', {})).digests).toHaveLength(1);
      expect(await upvotes(core)).toMatchObject({ '2502.04180': 37, '2408.11745': 24 });
      const paper = await call(core, 'papers.get', { id: 'arxiv-2502-04180' });
      expect(paper.appearances).toHaveLength(1);
    } finally {
      await core.close();
    }
  });

  it('a listing of known papers that is no digest’s listing (another day, fewer papers) is still a digest of its own', async () => {
    const core = await openCore({ dataDir: tempDir() });
    try {
      await call(core, 'digests.import', { fileName: 'daily_papers.json', text: HF, source: 'file' });
      const fewer = JSON.stringify((JSON.parse(HF) as HfItem[]).slice(0, 3));
      const report = await call(core, 'digests.import', { fileName: 'other-day.json', text: fewer, source: 'file' });
      expect(report).toMatchObject({ alreadyImported: null, added: 0, merged: 3, digest: { paperCount: 3 } });
      expect((await call(core, 'digests.list', {})).digests).toHaveLength(2);
    } finally {
      await core.close();
    }
  });
});
