import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readJson, writeFileAtomic } from './files';
import { CURRENT_SCHEMA, migrate, type UserData } from './schema';
import { countData, holdsData, salvage, type DataCounts } from './user-data-file';

export type BackupReason = 'daily' | 'before-migration' | 'before-restore' | 'manual';

export interface BackupInfo {
  id: string;
  createdAt: string;
  reason: BackupReason;
  /** The data version it was written in (older ones are migrated when restored). */
  schemaVersion: number;
  counts: DataCounts;
  holdsData: boolean;
  bytes: number;
}

interface Meta {
  createdAt: string;
  reason: BackupReason;
  schemaVersion: number;
  counts: DataCounts;
  hash: string;
}

const PREFIX = 'userdata-';
/** Backups kept. Beyond that the oldest go first, empty ones before those holding data; the newest holding data always stays. */
export const KEEP_BACKUPS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
export const BACKUP_ID = /^userdata-[\w-]{1,80}$/;

/**
 * Full copies of the reader's data in `backups/`: one a day at most, one before a migration and
 * before a restore. A copy identical to one already kept is not written again, so starting the
 * app often rotates nothing away; each copy has a small `.meta.json` beside it (its counts and
 * content hash) so listing them does not read whole copies.
 */
export class Backups {
  readonly dir: string;

  constructor(libraryDir: string) {
    this.dir = path.join(libraryDir, 'backups');
  }

  list(): BackupInfo[] {
    if (!fs.existsSync(this.dir)) return [];
    const ids = fs
      .readdirSync(this.dir)
      .filter((f) => f.startsWith(PREFIX) && f.endsWith('.json') && !f.endsWith('.meta.json'))
      .map((f) => f.slice(0, -'.json'.length));
    const infos = ids.flatMap((id) => {
      const meta = this.#meta(id);
      if (!meta) return [];
      const { hash: _hash, ...rest } = meta;
      return [{ id, ...rest, holdsData: holdsData(meta.counts), bytes: fs.statSync(this.#file(id)).size }];
    });
    return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  /** Reads a backup as current data (migrated, and checked part by part); throws when it cannot be read. */
  read(id: string): UserData {
    if (!BACKUP_ID.test(id) || !fs.existsSync(this.#file(id))) throw new Error(`There is no backup “${id}”.`);
    const raw = readJson<unknown>(this.#file(id));
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`The backup “${id}” is not a data file.`);
    return salvage(migrate(raw) as unknown as Record<string, unknown>).data;
  }

  /**
   * The newest backup that can be read and holds the reader's data. A backup dated ahead of now (a
   * clock that was once wrong) comes after the others: it is not newer than what was written since.
   */
  newestWithData(now = new Date()): { info: BackupInfo; data: UserData } | undefined {
    const withData = this.list().filter((b) => b.holdsData);
    const ahead = (b: BackupInfo) => Date.parse(b.createdAt) > now.getTime();
    for (const info of [...withData.filter((b) => !ahead(b)), ...withData.filter(ahead)]) {
      try {
        return { info, data: this.read(info.id) };
      } catch {
        // unreadable: try an older one
      }
    }
    return undefined;
  }

  /** The newest backup that can be read at all, holding data or not. */
  newestReadable(): { info: BackupInfo; data: UserData } | undefined {
    for (const info of this.list()) {
      try {
        return { info, data: this.read(info.id) };
      } catch {
        // try an older one
      }
    }
    return undefined;
  }

  /**
   * Whether the newest backup is a day old (or there is none). With `holdingData`, only backups that
   * hold the reader's data count: the first note of a new library is kept the day it is written.
   */
  due(now: Date, holdingData = false): boolean {
    // One dated ahead of now (a clock once wrong) would put every backup off until that date.
    const newest = this.list().find((b) => b.reason !== 'before-migration' && (!holdingData || b.holdsData) && Date.parse(b.createdAt) <= now.getTime());
    return !newest || now.getTime() - Date.parse(newest.createdAt) >= DAY_MS;
  }

  /**
   * Keeps a copy of `data` (any version) and returns it; when an identical copy is already kept,
   * returns that one instead of writing another.
   */
  take(data: UserData | Record<string, unknown>, reason: BackupReason, at: Date): BackupInfo {
    const hash = contentHash(data);
    // An identical copy counts only if it can still be read as that copy: a damaged one is no backup.
    const same = this.list().find((b) => this.#meta(b.id)?.hash === hash && this.#intact(b.id, hash));
    if (same) return same;
    const stamp = at.toISOString().replace(/[:.]/g, '-');
    const suffix = reason === 'daily' ? '' : reason === 'before-migration' ? `-before-v${CURRENT_SCHEMA}` : `-${reason}`;
    let id = `${PREFIX}${stamp}${suffix}`;
    for (let n = 2; fs.existsSync(this.#file(id)); n++) id = `${PREFIX}${stamp}-${n}${suffix}`;
    const schemaVersion = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
    const meta: Meta = { createdAt: at.toISOString(), reason, schemaVersion, counts: countData(data as UserData), hash };
    writeFileAtomic(this.#file(id), JSON.stringify(data));
    writeFileAtomic(this.#metaFile(id), JSON.stringify(meta));
    this.#evict(id);
    return this.list().find((b) => b.id === id)!;
  }

  #evict(keep: string) {
    const all = this.list(); // newest first
    const newestWithData = all.find((b) => b.holdsData)?.id;
    const evictable = all.filter((b) => b.id !== keep && b.id !== newestWithData).reverse(); // oldest first
    const order = [...evictable.filter((b) => !b.holdsData), ...evictable.filter((b) => b.holdsData)];
    for (const b of order.slice(0, Math.max(0, all.length - KEEP_BACKUPS))) {
      fs.rmSync(this.#file(b.id), { force: true });
      fs.rmSync(this.#metaFile(b.id), { force: true });
    }
  }

  #intact(id: string, hash: string): boolean {
    try {
      return contentHash(readJson<Record<string, unknown>>(this.#file(id))) === hash;
    } catch {
      return false;
    }
  }

  #file(id: string) {
    return path.join(this.dir, `${id}.json`);
  }

  #metaFile(id: string) {
    return path.join(this.dir, `${id}.meta.json`);
  }

  /** The sidecar, made from the copy itself for backups written before sidecars existed; undefined if unreadable. */
  #meta(id: string): Meta | undefined {
    try {
      return readJson<Meta>(this.#metaFile(id));
    } catch {
      // none yet, or damaged: read the copy
    }
    try {
      const raw = readJson<Record<string, unknown>>(this.#file(id));
      if (!raw || typeof raw !== 'object') return undefined;
      const counts = countData(salvage(migrate(raw) as unknown as Record<string, unknown>).data);
      const meta: Meta = { createdAt: timeOf(id), reason: reasonOf(id), schemaVersion: Number(raw.schemaVersion ?? 0), counts, hash: contentHash(raw) };
      try {
        writeFileAtomic(this.#metaFile(id), JSON.stringify(meta));
      } catch {
        // a read-only folder: computed again next time
      }
      return meta;
    } catch {
      return undefined;
    }
  }
}

/** Identity of a copy's content: the session (scroll position, open paper) and the write counter do not count. */
function contentHash(data: Record<string, unknown> | UserData): string {
  const { session: _s, revision: _r, ...rest } = data as Record<string, unknown>;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

function timeOf(id: string): string {
  const m = /^userdata-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z/.exec(id);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : new Date(0).toISOString();
}

function reasonOf(id: string): BackupReason {
  if (/-before-v\d+$|-before-migration$/.test(id)) return 'before-migration';
  if (id.endsWith('-before-restore')) return 'before-restore';
  if (id.endsWith('-manual')) return 'manual';
  return 'daily';
}
