import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backups, KEEP_BACKUPS } from '../../../src/storage/backups';
import { emptyUserData } from '../../../src/storage/user-data-file';
import { STORE_FILE, UserStore } from '../../../src/storage/user-store';
import { tempDir } from '../../helpers';

const note = (text: string) => ({ text, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
const day = (n: number) => () => new Date(Date.UTC(2026, 0, n, 9));

/** A library as the app leaves it: a digest, a search index, notes and a tag, backed up on day 1, used on day 2. */
async function libraryWithData() {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'digests'));
  fs.writeFileSync(path.join(dir, 'digests', 'd1.json'), '{}');
  fs.writeFileSync(path.join(dir, 'search-index.bin'), 'index');
  const store = new UserStore(dir, day(1));
  store.update((d) => {
    d.notes.p1 = note('my precious note');
    d.tags.t1 = { id: 't1', name: 'to read', color: 'teal', createdAt: 'x' };
  });
  await store.close(); // a day later: the daily backup holds the notes
  const later = new UserStore(dir, day(2));
  await later.close();
  return dir;
}

const file = (dir: string) => path.join(dir, STORE_FILE);

describe('never starting empty over a library that had data', () => {
  const damages: [string, (dir: string) => void][] = [
    ['deleted', (dir) => fs.rmSync(file(dir))],
    ['emptied', (dir) => fs.writeFileSync(file(dir), '')],
    [
      'without its schemaVersion',
      (dir) =>
        fs.writeFileSync(file(dir), JSON.stringify({ ...JSON.parse(fs.readFileSync(file(dir), 'utf8')), schemaVersion: undefined, notes: {}, tags: {} })),
    ],
    ['reduced to {"schemaVersion":4}', (dir) => fs.writeFileSync(file(dir), '{"schemaVersion":4}')],
    ['reduced to {"schemaVersion":3} (an older version)', (dir) => fs.writeFileSync(file(dir), '{"schemaVersion":3}')],
  ];
  for (const [what, damage] of damages) {
    it(`restores the newest backup holding data when the store was ${what}, keeps what was there, and tells the reader`, async () => {
      const dir = await libraryWithData();
      const had = fs.existsSync(file(dir)) && fs.readFileSync(file(dir), 'utf8');
      damage(dir);
      const store = new UserStore(dir, day(3));
      expect(store.data.notes.p1?.text).toBe('my precious note');
      expect(store.warnings).toEqual([
        expect.objectContaining({ code: 'store-restored', message: expect.stringMatching(/restored from the backup of 2026-01-0\d .*1 note, 1 tag/) }),
      ]);
      if (had !== false && what !== 'deleted') expect(fs.readdirSync(dir).filter((f) => f.startsWith(`${STORE_FILE}.corrupt-`))).toHaveLength(1);
      // And it stays restored.
      expect(new UserStore(dir, day(4)).data.notes.p1?.text).toBe('my precious note');
    });
  }

  it('still has the notes after many starts with a lost store: backups holding data are not rotated away by empty ones', async () => {
    const dir = await libraryWithData();
    const backups = new Backups(dir);
    for (let n = 0; n < KEEP_BACKUPS * 2; n++) {
      const empty = emptyUserData();
      empty.settings.markReadOnOpen = n % 2 === 0;
      empty.attributeNames = [`distinct ${n}`];
      backups.take(empty, 'daily', new Date(Date.UTC(2026, 1, 1 + n)));
    }
    expect(backups.list()).toHaveLength(KEEP_BACKUPS);
    expect(backups.newestWithData()?.data.notes.p1.text).toBe('my precious note');
    fs.rmSync(file(dir));
    expect(new UserStore(dir, day(30)).data.notes.p1?.text).toBe('my precious note');
  });

  it('trusts a whole, versioned store that is empty: the reader deleted everything, nothing is brought back', async () => {
    const dir = await libraryWithData();
    fs.writeFileSync(file(dir), JSON.stringify(emptyUserData()));
    const store = new UserStore(dir, day(3));
    expect(store.data.notes).toEqual({});
    expect(store.warnings).toEqual([]);
  });

  it('starts a new library without a warning in an empty folder', () => {
    const store = new UserStore(tempDir());
    expect(store.warnings).toEqual([]);
    expect(store.data.listOrder).toEqual(['read-later']);
  });

  it('keeps the first notes of a new library the day they are written, though the day began with an empty backup', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'digests'));
    fs.writeFileSync(path.join(dir, 'digests', 'd1.json'), '{}');
    const first = new UserStore(dir, day(1));
    await first.close(); // the day's backup: nothing in it yet
    const second = new UserStore(dir, day(1));
    second.update((d) => {
      d.notes.p1 = note('written an hour after the first start');
    });
    await second.close();
    fs.writeFileSync(file(dir), '{"schemaVersion": 4, "no'); // damaged the same day
    const third = new UserStore(dir, day(1));
    expect(third.warnings).toEqual([expect.objectContaining({ code: 'store-restored' })]);
    expect(third.data.notes.p1?.text).toBe('written an hour after the first start');
  });

  it('says so when the store is lost and no backup holds data, and keeps the digests', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'digests'));
    fs.writeFileSync(path.join(dir, 'digests', 'd1.json'), '{}');
    const store = new UserStore(dir);
    expect(store.warnings).toEqual([expect.objectContaining({ code: 'store-missing' })]);
  });
});

describe('a store of the wrong shape', () => {
  it('with notes: null keeps the rest, takes the notes from the newest backup, and says so', async () => {
    const dir = await libraryWithData();
    const store = new UserStore(dir, day(3));
    store.update((d) => {
      d.settings.markReadOnOpen = true;
    });
    await store.close();
    const raw = JSON.parse(fs.readFileSync(file(dir), 'utf8'));
    fs.writeFileSync(file(dir), JSON.stringify({ ...raw, notes: null }));
    const again = new UserStore(dir, day(4));
    expect(again.data.notes.p1.text).toBe('my precious note');
    expect(again.data.settings.markReadOnOpen).toBe(true);
    expect(again.data.tags.t1.name).toBe('to read');
    expect(again.warnings).toEqual([expect.objectContaining({ code: 'store-repaired', message: expect.stringContaining('notes') })]);
  });

  it('drops only the entries of the wrong shape', () => {
    const dir = tempDir();
    const data = { ...emptyUserData(), notes: { good: note('fine'), bad: { text: 42 } }, tags: 'not a record' };
    fs.writeFileSync(file(dir), JSON.stringify(data));
    const store = new UserStore(dir);
    expect(Object.keys(store.data.notes)).toEqual(['good']);
    expect(store.data.tags).toEqual({});
    expect(store.warnings[0].code).toBe('store-repaired');
  });

  it('restores a backup through the store, backing up the current data first so the restore can be undone', async () => {
    const dir = await libraryWithData();
    const store = new UserStore(dir, day(3));
    store.update((d) => {
      d.notes.p2 = note('written after the backup');
    });
    const backup = store.backups.list().find((b) => b.counts.notes === 1)!;
    const { undoId } = store.restore(backup.id);
    expect(Object.keys(store.data.notes)).toEqual(['p1']);
    expect(Object.keys(new UserStore(dir, day(3)).data.notes)).toEqual(['p1']);
    store.restore(undoId);
    expect(Object.keys(store.data.notes).sort()).toEqual(['p1', 'p2']);
  });
});
