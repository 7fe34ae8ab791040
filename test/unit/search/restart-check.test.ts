import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { Library } from '../../../src/library/library';
import { migrate } from '../../../src/storage/schema';
import type { UserData } from '../../../src/storage/schema';
import { syntheticDigestText, syntheticPapers } from '../../../scripts/bench/synthetic-library';
import { SAMPLE, SECOND, tempDir } from '../../helpers';

const now = '2026-11-30T00:00:00.000Z';

/** The reader's data with a note on one paper and a tag on another. */
function withNoteAndTag(noteOn: string, tagOn: string): UserData {
  const data = migrate({});
  data.notes[noteOn] = { text: 'quokkasaurus', createdAt: now, updatedAt: now };
  data.tags.t1 = { id: 't1', name: 'wombatology', color: 'blue', createdAt: now };
  data.paperTags[tagOn] = ['t1'];
  return data;
}

async function open(dir: string, data: UserData = migrate({})) {
  const library = new Library(dir, new EventBus(), () => data);
  await library.ready;
  return library;
}

const found = async (library: Library, q: string) => (await library.query({ q, limit: 5 })).items.map((r) => r.id);

describe('a restart checks the saved index', () => {
  it('by the library’s stamp when no digest came in: only the papers with the reader’s words are looked at', async () => {
    const dir = tempDir();
    const first = await open(dir);
    await first.import({ name: 'Sample', text: SAMPLE, source: 'paste' });
    await first.import({ name: 'Second', text: SECOND, source: 'paste' });
    const [a, b] = [...first.corpus.papers].map((p) => p.id);
    await first.close();

    // A note and a tag the index has never seen (written while the app was closed, or restored from a backup).
    const second = await open(dir, withNoteAndTag(a, b));
    expect(second.index.source).toBe('loaded');
    expect(second.index.checkedBy).toBe('stamp');
    expect(await found(second, 'quokkasaurus')).toEqual([a]);
    expect(await found(second, 'wombatology')).toEqual([b]);
    await second.close();

    // The tag removed again: the index forgets it, the note stays.
    const data = withNoteAndTag(a, b);
    delete data.paperTags[b];
    const third = await open(dir, data);
    expect(third.index.checkedBy).toBe('stamp');
    expect(await found(third, 'wombatology')).toEqual([]);
    expect(await found(third, 'quokkasaurus')).toEqual([a]);
    await third.close();
  });

  it('paper by paper when the library changed behind it: a digest copied in, a damaged digest set aside', async () => {
    const dir = tempDir();
    const first = await open(dir);
    await first.import({ name: 'Sample', text: SAMPLE, source: 'paste' });
    await first.close();

    // A digest file that came in while the app was closed (copied from another library).
    const otherDir = tempDir();
    const other = await open(otherDir);
    await other.import({ name: 'Second', text: SECOND, source: 'paste' });
    const copied = other.digests()[0];
    const copiedTitle = [...other.corpus.papers].at(-1)!.title;
    await other.close();
    fs.copyFileSync(path.join(otherDir, 'digests', `${copied.id}.json`), path.join(dir, 'digests', `${copied.id}.json`));

    const second = await open(dir);
    expect(second.index.checkedBy).toBe('papers');
    expect((await second.query({ q: copiedTitle, limit: 1 })).items[0].title).toBe(copiedTitle);
    const papers = second.corpus.paperCount;
    await second.close();

    const third = await open(dir);
    expect(third.index.checkedBy).toBe('stamp');
    expect(third.index.size).toBe(papers);
    await third.close();

    fs.writeFileSync(path.join(dir, 'digests', `${copied.id}.json`), '{ damaged');
    const fourth = await open(dir);
    expect(fourth.index.checkedBy).toBe('papers');
    expect(fourth.index.size).toBe(119);
    await fourth.close();
  });

  it('finds a large import’s papers after quitting while they were being indexed', async () => {
    const dir = tempDir();
    const first = await open(dir);
    await first.import({ name: 'Large', text: syntheticDigestText(3000, 9), source: 'paste' });
    await first.close();
    const second = await open(dir);
    const last = syntheticPapers(3000, 9).at(-1)!.title;
    expect((await second.query({ q: last, limit: 1 })).items[0].title).toBe(last);
    expect(second.index.size).toBe(3000);
    await second.close();
  });

  it('indexes an import made while the index was being built, even when the app quits at once', async () => {
    const dir = tempDir();
    const first = await open(dir);
    await first.import({ name: 'Large', text: syntheticDigestText(3000, 11), source: 'paste' });
    await first.close();
    fs.rmSync(path.join(dir, 'search-index.bin')); // the next start builds the index again

    const second = new Library(dir, new EventBus());
    await second.import({ name: 'Sample', text: SAMPLE, source: 'paste' });
    await second.close();

    const third = await open(dir);
    expect(third.index.checkedBy).toBe('papers');
    expect(third.index.size).toBe(third.corpus.paperCount);
    const sample = [...third.corpus.papers].at(-1)!;
    expect((await third.query({ q: sample.title, limit: 1 })).items[0].id).toBe(sample.id);
    await third.close();
  });

  it('starts when the reader’s data names papers the library no longer has', async () => {
    const dir = tempDir();
    const first = await open(dir);
    await first.import({ name: 'Sample', text: SAMPLE, source: 'paste' });
    const a = [...first.corpus.papers][0].id;
    await first.close();
    const second = await open(dir, withNoteAndTag('gone-paper', a));
    expect(second.index.checkedBy).toBe('stamp');
    expect(await found(second, 'wombatology')).toEqual([a]);
    await second.close();
  });
});
