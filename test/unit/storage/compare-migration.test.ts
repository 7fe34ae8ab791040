import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA, DEFAULT_SCHEDULE, StoreTooNewError } from '../../../src/storage/schema';
import { UserStore } from '../../../src/storage/user-store';
import { tempDir } from '../../helpers';

const file = (dir: string) => path.join(dir, 'userdata.json');

/** A store as schema v2 wrote it: the reader's tags, lists, status, notes and highlights. */
const V2 = {
  schemaVersion: 2,
  revision: 41,
  settings: { sampleImported: true, markReadOnOpen: true, theme: 'dark' },
  session: { view: { kind: 'list', id: 'l1' }, selectedId: 'p1', query: 'cache', scrollTop: 120 },
  tags: { t1: { id: 't1', name: 'kv cache', color: 'teal', createdAt: '2026-01-01T00:00:00.000Z' } },
  paperTags: { p1: ['t1'] },
  lists: {
    'read-later': { id: 'read-later', name: 'Read later', paperIds: ['p2'], createdAt: '1970-01-01T00:00:00.000Z', builtIn: true },
    l1: { id: 'l1', name: 'Systems', paperIds: ['p1', 'p2'], createdAt: '2026-01-02T00:00:00.000Z' },
  },
  listOrder: ['read-later', 'l1'],
  status: { p1: { state: 'read', starred: true, readAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-01-03T00:00:00.000Z' } },
  notes: { p1: { text: '# Offloading\nworth it', createdAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-01-03T00:00:00.000Z' } },
  highlights: {
    p1: [
      {
        id: 'h1',
        paperId: 'p1',
        quote: { exact: 'KV cache', prefix: 'the ', suffix: ' size', start: 10, end: 18 },
        color: 'green',
        comment: '',
        createdAt: 'x',
        updatedAt: 'x',
      },
    ],
  },
};

describe('schema v3: comparisons', () => {
  it('migrates a v2 store to the current version: everything is kept, comparisons and attribute names start empty', () => {
    const dir = tempDir();
    fs.writeFileSync(file(dir), JSON.stringify(V2));
    const store = new UserStore(dir);
    const { schemaVersion, comparisons, attributeNames, ...rest } = store.data;
    expect({ schemaVersion, comparisons, attributeNames }).toEqual({ schemaVersion: CURRENT_SCHEMA, comparisons: {}, attributeNames: [] });
    // Later versions' parts start at their defaults (v5: the daily loop's sources and smart lists).
    const daily = { sources: {}, sourceOrder: [], fetchSchedule: DEFAULT_SCHEDULE, smartLists: {}, smartOrder: [] };
    expect(rest).toEqual({ ...Object.fromEntries(Object.entries(V2).filter(([k]) => k !== 'schemaVersion')), ...daily });
    // Written back in the current version, with the v2 file kept among the backups.
    expect(JSON.parse(fs.readFileSync(file(dir), 'utf8'))).toMatchObject({ schemaVersion: CURRENT_SCHEMA, comparisons: {}, tags: V2.tags });
    const before = fs.readdirSync(path.join(dir, 'backups')).find((f) => f.endsWith(`-before-v${CURRENT_SCHEMA}.json`))!;
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'backups', before), 'utf8'))).toEqual(V2);
  });

  it('refuses a store of a newer version and leaves it untouched', () => {
    const dir = tempDir();
    const newer = JSON.stringify({ ...V2, schemaVersion: CURRENT_SCHEMA + 1, comparisons: {}, somethingNew: [1, 2] });
    fs.writeFileSync(file(dir), newer);
    expect(() => new UserStore(dir)).toThrow(StoreTooNewError);
    expect(() => new UserStore(dir)).toThrow(`data version ${CURRENT_SCHEMA + 1}; this app reads up to ${CURRENT_SCHEMA}`);
    expect(fs.readFileSync(file(dir), 'utf8')).toBe(newer);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });
});
