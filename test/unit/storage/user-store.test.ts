import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA, migrate, StoreTooNewError } from '../../../src/storage/schema';
import { UserStore } from '../../../src/storage/user-store';
import { Backups } from '../../../src/storage/backups';
import { acquireLock, LibraryLockedError } from '../../../src/storage/lock';
import { removeStaleTempFiles, writeFileAtomic } from '../../../src/storage/files';
import { tempDir } from '../../helpers';

const file = (dir: string) => path.join(dir, 'userdata.json');

describe('the user store', () => {
  it('persists changes across instances', () => {
    const dir = tempDir();
    new UserStore(dir).update((d) => {
      d.settings.sampleImported = true;
    });
    expect(new UserStore(dir).data.settings.sampleImported).toBe(true);
  });

  it('migrates a store without a version (v0) to the current schema, keeping its values', () => {
    const dir = tempDir();
    fs.writeFileSync(file(dir), JSON.stringify({ settings: { sampleImported: true }, extra: 'kept' }));
    const store = new UserStore(dir);
    expect(store.data).toMatchObject({ schemaVersion: CURRENT_SCHEMA, settings: { sampleImported: true }, extra: 'kept' });
    expect(JSON.parse(fs.readFileSync(file(dir), 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA);
  });

  it('migrates the foundation’s v1 store to v2: keeps settings, adds the reader’s data and Read later', () => {
    const dir = tempDir();
    fs.writeFileSync(file(dir), JSON.stringify({ schemaVersion: 1, settings: { sampleImported: true } }));
    const store = new UserStore(dir);
    expect(store.data).toMatchObject({
      settings: { sampleImported: true, markReadOnOpen: false },
      tags: {},
      paperTags: {},
      notes: {},
      highlights: {},
      status: {},
      listOrder: ['read-later'],
      lists: { 'read-later': { name: 'Read later', paperIds: [], builtIn: true } },
    });
    expect(store.data.schemaVersion).toBe(CURRENT_SCHEMA);
    // The pre-migration copy is in the backups, so a bad migration can be rolled back by hand.
    const before = fs.readdirSync(path.join(dir, 'backups')).find((f) => f.includes('-before-v'))!;
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'backups', before), 'utf8'))).toEqual({ schemaVersion: 1, settings: { sampleImported: true } });
  });

  it('refuses a store written by a newer app and leaves it untouched', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ schemaVersion: CURRENT_SCHEMA + 1, settings: {}, future: true });
    fs.writeFileSync(file(dir), newer);
    expect(() => new UserStore(dir)).toThrow(StoreTooNewError);
    expect(fs.readFileSync(file(dir), 'utf8')).toBe(newer);
    expect(() => migrate({ schemaVersion: 99 })).toThrow(/newer version/);
  });

  it('sets a corrupt file aside and restores the last good backup, telling the reader', () => {
    const dir = tempDir();
    new UserStore(dir, () => new Date('2026-01-01T10:00:00Z')).update((d) => {
      d.settings.sampleImported = true;
    });
    new UserStore(dir, () => new Date('2026-01-02T10:00:00Z')); // backs up the changed data
    fs.writeFileSync(file(dir), '{"schemaVersion": 1, "settings": {"sampleIm');
    const store = new UserStore(dir);
    expect(store.data.settings.sampleImported).toBe(true);
    expect(store.warnings).toEqual([expect.objectContaining({ code: 'store-restored' })]);
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('userdata.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]), 'utf8')).toContain('sampleIm');
  });

  it('says where the latest changes went when the data file is damaged and its journal is set aside', () => {
    const dir = tempDir();
    new UserStore(dir, () => new Date('2026-01-01T10:00:00Z')).update((d) => {
      d.status.p1 = { state: 'read', starred: true, updatedAt: '2026-01-01T10:00:00Z' };
    });
    const store = new UserStore(dir, () => new Date('2026-01-02T10:00:00Z')); // backs up the changed data
    store.update((d) => {
      d.status.p2 = { state: 'read', starred: true, updatedAt: '2026-01-02T10:00:00Z' }; // in the journal
    });
    fs.writeFileSync(file(dir), '{bad');
    const again = new UserStore(dir);
    expect(again.warnings[0].message).toMatch(/Your latest changes, recorded after it, were kept as userdata\.journal\.corrupt-/);
  });

  it('keeps the corrupt file and says so when there is no backup', () => {
    const dir = tempDir();
    fs.writeFileSync(file(dir), 'not json at all');
    const store = new UserStore(dir);
    expect(store.warnings[0]).toMatchObject({ code: 'store-corrupt' });
    expect(fs.readdirSync(dir).some((f) => f.startsWith('userdata.json.corrupt-'))).toBe(true);
  });

  it('backs up once a day, and not again when nothing changed', () => {
    const dir = tempDir();
    for (let day = 1; day <= 8; day++) new UserStore(dir, () => new Date(`2026-01-0${day}T00:00:00Z`));
    expect(new UserStore(dir).backups.list()).toHaveLength(1);
  });
});

describe('files and locking', () => {
  it('lets one writer hold a library at a time, and takes over a dead owner’s lock', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'library.lock'), '999999999');
    const release = acquireLock(dir);
    fs.writeFileSync(path.join(dir, 'library.lock'), String(process.ppid));
    expect(() => acquireLock(dir)).toThrow(LibraryLockedError);
    fs.writeFileSync(path.join(dir, 'library.lock'), String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'library.lock'))).toBe(false);
  });

  it('writes atomically and cleans temp files left by a crash', () => {
    const dir = tempDir();
    writeFileAtomic(path.join(dir, 'a', 'b.json'), '{}');
    fs.writeFileSync(path.join(dir, 'a', 'b.json.tmp-123abc'), 'half');
    fs.writeFileSync(path.join(dir, 'userdata.json.tmp-9f8e7d'), 'half');
    expect(removeStaleTempFiles(dir)).toHaveLength(2);
    expect(fs.readdirSync(path.join(dir, 'a'))).toEqual(['b.json']);
  });
});

describe('backups the reader can count on', () => {
  const withStars = (n: number) => {
    const data = migrate({});
    for (let i = 0; i < n; i++) data.status[`p${i}`] = { state: 'unread', starred: true, updatedAt: '2026-01-01T00:00:00Z' };
    return data;
  };

  it('writes a new copy when the identical one kept is damaged', () => {
    const backups = new Backups(tempDir());
    const first = backups.take(withStars(2), 'manual', new Date('2026-01-01T10:00:00Z'));
    fs.truncateSync(path.join(backups.dir, `${first.id}.json`), 100);
    const again = backups.take(withStars(2), 'manual', new Date('2026-01-01T11:00:00Z'));
    expect(again.id).not.toBe(first.id);
    expect(Object.keys(backups.read(again.id).status)).toHaveLength(2);
  });

  it('a copy dated ahead of now (a clock once wrong) neither stops daily backups nor wins a recovery', () => {
    const backups = new Backups(tempDir());
    backups.take(withStars(1), 'daily', new Date('2101-11-12T10:00:00Z'));
    const now = new Date('2026-01-05T10:00:00Z');
    expect(backups.due(now, true)).toBe(true);
    backups.take(withStars(3), 'manual', new Date('2026-01-05T09:00:00Z'));
    expect(Object.keys(backups.newestWithData(now)!.data.status)).toHaveLength(3);
  });
});
