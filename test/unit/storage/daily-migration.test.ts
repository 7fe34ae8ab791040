import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { downgradeStore, PREVIOUS_SCHEMA } from '../../../src/storage/downgrade';
import { CURRENT_SCHEMA, DEFAULT_SCHEDULE, downgrade, migrate, type UserData } from '../../../src/storage/schema';
import { JOURNAL_FILE, STORE_FILE, UserStore } from '../../../src/storage/user-store';
import { tempDir } from '../../helpers';

const T = '2026-07-20T08:00:00.000Z';
const snapshot = (dir: string) => path.join(dir, STORE_FILE);
const journal = (dir: string) => path.join(dir, JOURNAL_FILE);
const plain = (data: Readonly<UserData>) => JSON.parse(JSON.stringify(data)) as UserData;
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const DAILY_DEFAULTS = { sources: {}, sourceOrder: [], fetchSchedule: DEFAULT_SCHEDULE, smartLists: {}, smartOrder: [] };

/** A store as v4 (the journal, before the daily loop) writes it. */
const V4 = {
  schemaVersion: 4,
  revision: 12,
  settings: { sampleImported: true, markReadOnOpen: false },
  tags: { t: { id: 't', name: 'kv cache', color: 'teal', createdAt: T } },
  paperTags: { p1: ['t'] },
  lists: { 'read-later': { id: 'read-later', name: 'Read later', paperIds: ['p2'], createdAt: T, builtIn: true } },
  listOrder: ['read-later'],
  status: { p1: { state: 'read', starred: true, readAt: T, updatedAt: T } },
  notes: { p1: { text: 'kept across versions', createdAt: T, updatedAt: T } },
  highlights: {},
  comparisons: {},
  attributeNames: [],
};

describe('schema v5: the daily loop (sources, smart lists, "not interested")', () => {
  it('migrates a v4 store up: every part kept, the daily loop’s parts at their defaults, the v4 file among the backups', () => {
    const dir = tempDir();
    fs.writeFileSync(snapshot(dir), JSON.stringify(V4));
    const store = new UserStore(dir);
    expect(CURRENT_SCHEMA).toBe(5);
    expect(plain(store.data)).toEqual({ ...V4, ...DAILY_DEFAULTS, schemaVersion: 5 });
    expect(readJson(snapshot(dir)).schemaVersion).toBe(5);
    const before = store.backups.list().find((b) => b.reason === 'before-migration')!;
    expect(before.schemaVersion).toBe(4);
    expect(before.id).toMatch(/-before-v5$/);
    expect(readJson(path.join(dir, 'backups', `${before.id}.json`))).toEqual(V4);
  });

  it('keeps the writes a v4 app left in its journal (a crash before it folded them in), in the data and in the backup', () => {
    const dir = tempDir();
    fs.writeFileSync(snapshot(dir), JSON.stringify(V4));
    // Two acknowledged writes after the snapshot, and one already in it (rev 12): as v4's journal holds them.
    const lines = [
      { rev: 12, p: [{ op: 'set', path: ['notes', 'old'], value: { text: 'in the snapshot', createdAt: T, updatedAt: T } }] },
      { rev: 13, p: [{ op: 'set', path: ['notes', 'p2'], value: { text: 'written after the snapshot', createdAt: T, updatedAt: T } }] },
      { rev: 14, p: [{ op: 'delete', path: ['paperTags', 'p1'] }] },
    ];
    fs.writeFileSync(journal(dir), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const store = new UserStore(dir);
    expect(store.warnings).toEqual([]);
    expect(store.data.notes.p2.text).toBe('written after the snapshot');
    expect(store.data.notes.old).toBeUndefined();
    expect(store.data.paperTags.p1).toBeUndefined();
    expect(store.data.revision).toBe(14);
    expect(store.data.sourceOrder).toEqual([]);
    // Nothing set aside: the journal was the store's, now folded into the v5 snapshot.
    expect(fs.readdirSync(dir).filter((f) => f.includes('corrupt') || f.includes('aside'))).toEqual([]);
    expect(fs.statSync(journal(dir)).size).toBe(0);
    expect(readJson(snapshot(dir))).toMatchObject({ schemaVersion: 5, revision: 14, notes: { p2: { text: 'written after the snapshot' } } });
    const before = store.backups.list().find((b) => b.reason === 'before-migration')!;
    const backup = readJson(path.join(dir, 'backups', `${before.id}.json`));
    expect(backup).toMatchObject({ schemaVersion: 4, revision: 14, notes: { p2: { text: 'written after the snapshot' } } });
    expect(backup.paperTags).toEqual({});
  });

  it('rolls back to a v4 store the previous release opens: the daily loop’s parts gone, each status as v4 knew it, the v5 data backed up', async () => {
    const dir = tempDir();
    fs.writeFileSync(snapshot(dir), JSON.stringify(V4));
    const store = new UserStore(dir);
    store.update((d) => {
      d.sources.s1 = { id: 's1', name: 'HF daily', kind: 'hf-daily', url: 'https://huggingface.co/papers?date={date}', createdAt: T };
      d.sourceOrder.push('s1');
      d.fetchSchedule.dailyHour = 6;
      d.smartLists.l1 = { id: 'l1', name: 'Caches', query: '"kv cache"', createdAt: T, seenAt: T, rule: { star: true } };
      d.smartOrder.push('l1');
      d.status.p1.notInterested = true; // read and starred: kept, without the flag
      d.status.p3 = { state: 'unread', starred: false, skippedAt: T, updatedAt: T }; // only skipped: v4 keeps no entry
      d.status.p4 = { state: 'unread', starred: false, notInterested: true, updatedAt: T }; // only "not interested": likewise
      d.status.p5 = { state: 'reading', starred: false, skippedAt: T, updatedAt: T };
    });
    const v5 = plain(store.data);
    await store.close();

    const { backupId } = await downgradeStore(dir);
    expect(PREVIOUS_SCHEMA).toBe(4);
    expect(fs.existsSync(journal(dir))).toBe(false);
    const v4 = readJson(snapshot(dir));
    expect(v4).toEqual({
      ...V4,
      revision: v5.revision,
      status: { p1: V4.status.p1, p5: { state: 'reading', starred: false, updatedAt: T } },
    });
    // What a v4 store has no place for is kept in the backup taken first.
    const backup = readJson(path.join(dir, 'backups', `${backupId}.json`));
    expect(backup).toMatchObject({ schemaVersion: 5, sourceOrder: ['s1'], smartOrder: ['l1'], fetchSchedule: { dailyHour: 6 } });
    expect(backup.status).toEqual(v5.status);

    // Up again: the same v4 data, the daily loop's parts at their defaults; restoring the backup brings them back.
    const again = new UserStore(dir);
    expect(plain(again.data)).toEqual({ ...v4, ...DAILY_DEFAULTS, schemaVersion: 5 });
    again.restore(backupId);
    expect(plain(again.data)).toMatchObject({ sourceOrder: ['s1'], smartOrder: ['l1'], status: v5.status });
    await again.close();
  });

  it('a v4 store goes up and down unchanged', () => {
    expect(downgrade(migrate(V4), 4)).toEqual(V4);
    expect(downgrade(migrate(V4), 3)).toEqual({ ...V4, schemaVersion: 3 });
  });

  it('refuses to write a version it does not know, and leaves the store as it was', async () => {
    const dir = tempDir();
    fs.writeFileSync(snapshot(dir), JSON.stringify(V4));
    await new UserStore(dir).close();
    const before = fs.readFileSync(snapshot(dir), 'utf8');
    await expect(downgradeStore(dir, 2)).rejects.toThrow('Cannot write data version 2: this app writes versions 3 to 5.');
    await expect(downgradeStore(dir, 6)).rejects.toThrow(RangeError);
    expect(fs.readFileSync(snapshot(dir), 'utf8')).toBe(before);
  });
});
