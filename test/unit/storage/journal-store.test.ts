import Conf from 'conf';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { downgradeStore } from '../../../src/storage/downgrade';
import { CURRENT_SCHEMA, DEFAULT_SCHEDULE, type UserData } from '../../../src/storage/schema';
import { userDataSchema } from '../../../src/storage/user-data-file';
import { JOURNAL_FILE, STORE_FILE, UserStore } from '../../../src/storage/user-store';
import { tempDir } from '../../helpers';

const note = (text: string) => ({ text, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
const snapshot = (dir: string) => path.join(dir, STORE_FILE);
const journal = (dir: string) => path.join(dir, JOURNAL_FILE);
const plain = (data: Readonly<UserData>) => JSON.parse(JSON.stringify(data)) as UserData;

/** A store holding `n` notes of about `size` characters, folded into its snapshot. */
async function storeWithNotes(n: number, size = 200, dir = tempDir()) {
  const store = new UserStore(dir);
  store.update((d) => {
    for (let i = 0; i < n; i++) d.notes[`p${i}`] = note(`note ${i} `.repeat(size / 10));
  });
  await store.close();
  return { dir, store: new UserStore(dir) };
}

describe('writes proportional to the change', () => {
  it('saves a note in a library of 2,000 notes by appending one small record, leaving the snapshot alone', async () => {
    const { dir, store } = await storeWithNotes(2000);
    const before = fs.statSync(snapshot(dir), { bigint: true });
    expect(before.size).toBeGreaterThan(300_000);
    const journalBefore = fs.existsSync(journal(dir)) ? fs.statSync(journal(dir)).size : 0;
    store.update((d) => {
      d.notes.p7 = note('a short note');
    });
    const after = fs.statSync(snapshot(dir), { bigint: true });
    expect({ ino: after.ino, mtime: after.mtimeNs, size: after.size }).toEqual({ ino: before.ino, mtime: before.mtimeNs, size: before.size });
    expect(fs.statSync(journal(dir)).size - journalBefore).toBeLessThan(400);
    expect(new UserStore(dir).data.notes.p7.text).toBe('a short note');
  });

  it('replays the journal at the next start, and a change that changes nothing writes nothing', () => {
    const dir = tempDir();
    const store = new UserStore(dir);
    store.update((d) => {
      d.notes.a = note('one');
    });
    store.update((d) => {
      d.listOrder.push('x');
      d.lists.x = { id: 'x', name: 'X', paperIds: ['a'], createdAt: 'now' };
    });
    const size = fs.statSync(journal(dir)).size;
    store.update(() => {});
    expect(fs.statSync(journal(dir)).size).toBe(size);
    // Not closed (as after a crash): the next start replays the journal over the snapshot.
    const again = new UserStore(dir);
    expect(plain(again.data)).toEqual(plain(store.data));
    expect(again.data.revision).toBe(store.data.revision);
  });

  it('drops a last line cut short by a crash (a write never acknowledged) and goes on writing', () => {
    const dir = tempDir();
    const store = new UserStore(dir);
    store.update((d) => {
      d.notes.a = note('kept');
    });
    fs.appendFileSync(journal(dir), '{"rev":99,"p":[{"op":"add","path":["notes","b"],"val');
    const again = new UserStore(dir);
    expect(Object.keys(again.data.notes)).toEqual(['a']);
    again.update((d) => {
      d.notes.c = note('after the crash');
    });
    expect(Object.keys(new UserStore(dir).data.notes).sort()).toEqual(['a', 'c']);
  });

  it('keeps the writes before a damaged line, sets the journal aside and says so', () => {
    const dir = tempDir();
    const store = new UserStore(dir);
    store.update((d) => {
      d.notes.a = note('kept');
    });
    fs.appendFileSync(journal(dir), 'garbage\n');
    store.update((d) => {
      d.notes.b = note('after the damage');
    });
    const again = new UserStore(dir);
    expect(Object.keys(again.data.notes)).toEqual(['a']);
    expect(again.warnings).toEqual([expect.objectContaining({ code: 'journal-damaged' })]);
    expect(fs.readdirSync(dir).some((f) => f.startsWith(`${JOURNAL_FILE}.corrupt-`))).toBe(true);
  });

  it('keeps aside and says so when the last whole line is damaged: it was acknowledged, not cut short', () => {
    const dir = tempDir();
    const store = new UserStore(dir);
    store.update((d) => {
      d.notes.a = note('kept');
    });
    store.update((d) => {
      d.notes.b = note('acknowledged, then damaged on the disk');
    });
    const text = fs.readFileSync(journal(dir), 'utf8');
    fs.writeFileSync(journal(dir), `${text.slice(0, -3)}#${text.slice(-2)}`); // one byte changed, the newline kept
    const again = new UserStore(dir);
    expect(Object.keys(again.data.notes)).toEqual(['a']);
    expect(again.warnings).toEqual([expect.objectContaining({ code: 'journal-damaged' })]);
    expect(fs.readdirSync(dir).some((f) => f.startsWith(`${JOURNAL_FILE}.corrupt-`))).toBe(true);
  });

  it('folds the journal into the snapshot in the background while writes go on, and loses none of them', async () => {
    const { dir } = await storeWithNotes(3000, 2000); // 6 MB: a snapshot takes several turns of the event loop
    const store = new UserStore(dir, undefined, { compactAtBytes: 20_000 });
    const revisionOnDisk = () => JSON.parse(fs.readFileSync(snapshot(dir), 'utf8')).revision as number;
    const first = revisionOnDisk();
    for (let i = 0; i < 200; i++) {
      store.update((d) => {
        d.notes[`p${i}`] = note(`edited ${i}`);
        d.listOrder.push(`l${i}`); // not idempotent: applied twice would show
      });
      if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve)); // let a compaction run between writes
    }
    await store.settled();
    expect(revisionOnDisk()).toBeGreaterThan(first); // folded in
    expect(fs.statSync(journal(dir)).size).toBeLessThan(20_000);
    const again = new UserStore(dir);
    expect(plain(again.data)).toEqual(plain(store.data));
    expect(again.data.listOrder.filter((id) => id.startsWith('l'))).toHaveLength(200);
  });

  it('does not apply twice what a snapshot already holds (a crash between the snapshot and the journal cut)', () => {
    const dir = tempDir();
    const store = new UserStore(dir);
    store.update((d) => {
      d.listOrder.push('once');
    });
    fs.writeFileSync(snapshot(dir), JSON.stringify(store.data)); // the snapshot landed; the journal still holds the write
    expect(new UserStore(dir).data.listOrder.filter((id) => id === 'once')).toHaveLength(1);
  });

  it('leaves one snapshot and an empty journal after a clean close', async () => {
    const dir = tempDir();
    const store = new UserStore(dir);
    store.update((d) => {
      d.notes.a = note('x');
    });
    await store.close();
    expect(fs.statSync(journal(dir)).size).toBe(0);
    expect(JSON.parse(fs.readFileSync(snapshot(dir), 'utf8')).notes.a.text).toBe('x');
    expect(() => store.update(() => {})).toThrow(/closed/);
  });
});

describe('migrating the store', () => {
  const v3 = {
    schemaVersion: 3,
    revision: 7,
    settings: { sampleImported: true, markReadOnOpen: false },
    tags: { t: { id: 't', name: 'rl', color: 'teal', createdAt: 'x' } },
    paperTags: { p: ['t'] },
    lists: { 'read-later': { id: 'read-later', name: 'Read later', paperIds: ['p'], createdAt: 'x', builtIn: true } },
    listOrder: ['read-later'],
    status: {},
    notes: { p: note('kept across versions') },
    highlights: {},
    comparisons: {},
    attributeNames: [],
  };

  it('takes a v3 store (one conf JSON file) up to the journal layout, keeping the v3 file among the backups', () => {
    const dir = tempDir();
    fs.writeFileSync(snapshot(dir), JSON.stringify(v3, null, '\t'));
    const store = new UserStore(dir);
    // v5's parts (the daily loop) start at their defaults.
    const daily = { sources: {}, sourceOrder: [], fetchSchedule: DEFAULT_SCHEDULE, smartLists: {}, smartOrder: [] };
    expect(plain(store.data)).toEqual({ ...v3, ...daily, schemaVersion: CURRENT_SCHEMA });
    expect(JSON.parse(fs.readFileSync(snapshot(dir), 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA);
    const before = store.backups.list().find((b) => b.reason === 'before-migration')!;
    expect(before.schemaVersion).toBe(3);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'backups', `${before.id}.json`), 'utf8'))).toEqual(v3);
  });

  it('rolls back to a v3 file that the release before the journal reads (conf), and up again', async () => {
    const dir = tempDir();
    fs.writeFileSync(snapshot(dir), JSON.stringify(v3));
    const store = new UserStore(dir);
    store.update((d) => {
      d.notes.q = note('written in the journal');
    });
    const expected = plain(store.data);
    await downgradeStore(dir, 3);
    expect(fs.existsSync(journal(dir))).toBe(false);
    // What that release does: conf reads the file, and its schema is version 3's (no part of v5's daily loop).
    const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'userdata', accessPropertiesByDotNotation: false, clearInvalidConfig: false });
    expect(conf.store).toEqual({ ...v3, revision: expected.revision, notes: expected.notes, schemaVersion: 3 });
    const v5Parts = { sources: true, sourceOrder: true, fetchSchedule: true, smartLists: true, smartOrder: true } as const;
    expect(
      userDataSchema
        .omit(v5Parts)
        .extend({ schemaVersion: z.literal(3) })
        .safeParse(conf.store).success,
    ).toBe(true);
    expect(plain(new UserStore(dir).data)).toEqual(expected);
  });
});
