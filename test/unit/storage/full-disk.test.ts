import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../src/api/contract';
import { JOURNAL_FILE, STORE_FILE, UserStore } from '../../../src/storage/user-store';
import { tempDir } from '../../helpers';
import { ALL_BUT_JOURNAL, breakFs, healFs } from './faulty-fs';

vi.mock('node:fs', async (original) => (await import('./faulty-fs')).faultyFs(await original()));
afterEach(healFs);

const note = (text: string) => ({ text, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });

describe('the reader’s data on a disk that fills up', () => {
  it('keeps a change saved in the journal when the snapshot and backup cannot be written at close, and says what was not written', async () => {
    const dir = tempDir();
    const store = new UserStore(dir);
    breakFs('write', ALL_BUT_JOURNAL);
    store.update((d) => {
      d.notes.a = note('kept');
    });
    const unwritten = await store.close();
    // One failure to tell: the backup is not tried on a disk that just refused the snapshot.
    expect(unwritten).toEqual([
      {
        doing: expect.stringMatching(/^userdata\.json could not be updated/),
        error: expect.objectContaining({ code: 'ENOSPC', path: path.join(dir, STORE_FILE) }),
      },
    ]);
    healFs();
    expect(new UserStore(dir).data.notes.a.text).toBe('kept');
  });

  it('tells a daily backup that could not be written, once, the change being saved', async () => {
    const dir = tempDir();
    const store = new UserStore(dir);
    breakFs('write', /[/\\]backups[/\\]/);
    store.update((d) => {
      d.notes.a = note('kept');
    });
    const [failed, ...more] = await store.close();
    expect(more).toEqual([]);
    expect(failed).toMatchObject({ doing: 'the daily backup could not be written', error: { code: 'ENOSPC' } });
    expect(failed.error.path).toMatch(/backups[/\\]userdata-.*\.json$/); // the backup's name, not its temp file's
    healFs();
    expect(new UserStore(dir).data.notes.a.text).toBe('kept');
  });

  it('opens a library whose daily backup cannot be written, with a warning instead of failing', () => {
    const dir = tempDir();
    const first = new UserStore(dir);
    first.update((d) => {
      d.notes.a = note('kept');
    });
    fs.rmSync(path.join(dir, 'backups'), { recursive: true });
    breakFs('write', /[/\\]backups[/\\]/);
    const store = new UserStore(dir);
    expect(store.data.notes.a.text).toBe('kept');
    expect(store.warnings).toEqual([
      {
        code: 'backup-failed',
        message: expect.stringMatching(
          /^The daily backup could not be written: the disk is full \(.*\)\. Free some space, then try again\. Your data is as it was\.$/,
        ),
      },
    ]);
  });

  it('refuses a change the journal cannot take, saying so in words, and keeps the data as it was', async () => {
    const dir = tempDir();
    const store = new UserStore(dir);
    store.update((d) => {
      d.notes.a = note('before');
    });
    breakFs('write', /userdata\.journal$/);
    let thrown: unknown;
    try {
      store.update((d) => {
        d.notes.a = note('after');
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).message).toBe(
      `Your change was not saved (nothing changed): the disk is full (${path.join(dir, JOURNAL_FILE)}). Free some space, then try again.`,
    );
    expect(store.data.notes.a.text).toBe('before');
    healFs();
    await store.close();
    expect(new UserStore(dir).data.notes.a.text).toBe('before');
  });

  it('keeps writing to the journal after a compaction could not cut it, and loses nothing', async () => {
    const dir = tempDir();
    const store = new UserStore(dir, undefined, { compactAtBytes: 200 });
    breakFs('write', /userdata\.journal\.tmp-/); // the snapshot is written, the journal cannot be rewritten shorter
    for (let i = 0; i < 5; i++) {
      store.update((d) => {
        d.notes[`n${i}`] = note(`note ${i} `.repeat(10));
      });
      await store.settled();
    }
    healFs();
    store.update((d) => {
      d.notes.last = note('after');
    });
    // As after a crash: what is on the disk alone.
    const again = new UserStore(dir);
    expect(Object.keys(again.data.notes).sort()).toEqual(['last', 'n0', 'n1', 'n2', 'n3', 'n4']);
    await store.close();
  });
});

describe('a folder where the journal should be', () => {
  it('is moved aside, the snapshot is read, and the reader is told which path and what to do', async () => {
    const dir = tempDir();
    const first = new UserStore(dir);
    first.update((d) => {
      d.notes.a = note('in the snapshot');
    });
    await first.close();
    fs.rmSync(path.join(dir, JOURNAL_FILE), { force: true });
    fs.mkdirSync(path.join(dir, JOURNAL_FILE));
    const store = new UserStore(dir);
    expect(store.data.notes.a.text).toBe('in the snapshot');
    expect(store.warnings).toEqual([
      {
        code: 'journal-folder',
        message: expect.stringMatching(new RegExp(`^${path.join(dir, JOURNAL_FILE)} was a folder, .* moved aside as userdata\\.journal\\.corrupt-`)),
      },
    ]);
    store.update((d) => {
      d.notes.b = note('new');
    });
    await store.close();
    expect(Object.keys(new UserStore(dir).data.notes).sort()).toEqual(['a', 'b']);
  });
});
