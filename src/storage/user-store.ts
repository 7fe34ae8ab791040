import * as fs from 'node:fs';
import { ApiError } from '../api/contract';
import * as path from 'node:path';
import { Backups, type BackupInfo } from './backups';
import { moveAside, readJson, writeFileAtomic } from './files';
import { isIoError } from './io-errors';
import { Journal, withJournal } from './journal';
import { CURRENT_SCHEMA, JOURNAL_SCHEMA, migrate, StoreTooNewError, type UserData } from './schema';
import { applyOps, record } from './recorder';
import { Frozen, writeSnapshotInSlices } from './snapshot-writer';
import { countData, emptyUserData, holdsData, salvage } from './user-data-file';
import { backupFailed, describeCounts, journalWasFolder, notSaved, openingWarning, type Opening, type StoreWarning } from './store-messages';
import { Deferred, type Unwritten } from './unwritten';

export const STORE_FILE = 'userdata.json';
export const JOURNAL_FILE = 'userdata.journal';
/** The journal is folded into the snapshot once it outgrows the snapshot itself (and this much at least). */
const COMPACT_MIN_BYTES = 1 << 20;

export interface StoreOptions {
  /** Journal size that triggers a compaction, instead of the snapshot's own size (tests set it low). */
  compactAtBytes?: number;
}

/**
 * The reader's own data (settings, tags, lists, status, notes, highlights, comparisons): one object
 * in memory, changed in place; on disk a snapshot (`userdata.json`) and a journal, to which a write
 * appends its changes (recorder.ts) and flushes them: it costs the size of the change. The snapshot
 * is rewritten in the background, a slice at a time, once the journal is as large as it. Opening
 * never starts empty over a library that had data: it restores the newest backup with data.
 */
export class UserStore {
  readonly warnings: StoreWarning[] = [];
  readonly backups: Backups;
  readonly #file: string;
  readonly #now: () => Date;
  readonly #compactAt: number | undefined;
  #journal!: Journal;
  #data!: UserData;
  #snapshotBytes = 0;
  /** Bumped by every snapshot written whole at once, so a slower background one never lands over it. */
  #generation = 0;
  #compacting: Promise<void> | undefined;
  /** While a snapshot is being written in slices: the data as it was when it began. */
  #frozen: Frozen | undefined;
  #closed = false;
  /** Writes that failed after a change was saved (a full disk): told at close. */
  readonly #deferred = new Deferred();
  /** The daily backup failed at opening and the reader was told: not tried again until the next start. */
  #backupFailed = false;

  constructor(
    readonly dir: string,
    now = () => new Date(),
    options: StoreOptions = {},
  ) {
    this.#file = path.join(dir, STORE_FILE);
    this.#now = now;
    this.#compactAt = options.compactAtBytes;
    this.backups = new Backups(dir);
    fs.mkdirSync(dir, { recursive: true });
    this.#open();
    const due = holdsData(countData(this.#data)) ? this.backups.due(now(), true) : this.backups.due(now()) && !this.backups.newestWithData(now());
    if (due && !this.#deferred.attempt('backup', () => this.backups.take(this.#data, 'daily', now()))) {
      this.#backupFailed = true;
      this.warnings.push(backupFailed(this.#deferred.list[0]));
    }
  }

  get data(): Readonly<UserData> {
    return this.#data;
  }

  /**
   * Applies a change and writes it (appended to the journal and flushed); the in-memory data
   * changes only once the write is on the disk. A change that changes nothing writes nothing.
   */
  update(change: (draft: UserData) => void): void {
    if (this.#closed) throw new Error('The library is closed.');
    const frozen = this.#frozen;
    const recording = record(this.#data, change, frozen && ((path) => frozen.keep(path)));
    if (recording.ops.length === 0) return;
    const rev = (this.#data.revision ?? 0) + 1;
    try {
      this.#journal.append({ rev, patches: recording.ops });
    } catch (error) {
      recording.undo();
      throw notSaved(error);
    }
    this.#data.revision = rev;
    if (this.#journal.size > (this.#compactAt ?? Math.max(COMPACT_MIN_BYTES, this.#snapshotBytes)) && !this.#compacting) {
      this.#compacting = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.#compactInBackground());
    }
  }

  /** Resolves once no compaction is running (tests, close). */
  async settled(): Promise<void> {
    while (this.#compacting) await this.#compacting;
  }

  /** Keeps a copy of the data as it is now (deduplicated: an identical copy is returned instead). */
  backupNow(reason: 'manual' | 'before-restore' = 'manual'): BackupInfo {
    return this.backups.take(this.#data, reason, this.#now());
  }

  /**
   * Replaces the data with a backup's, having first backed up the data as it is (the returned
   * `undoId` restores that). Returns the data as it was, so callers can tell what changed.
   */
  restore(id: string): { undoId: string; before: UserData } {
    if (!this.backups.list().some((b) => b.id === id)) throw new ApiError('not-found', 'That backup is no longer there.');
    const restored = this.backups.read(id);
    const undo = this.backupNow('before-restore');
    const before = this.#data;
    this.#replace({ ...restored, revision: (before.revision ?? 0) + 1 });
    return { undoId: undo.id, before };
  }

  /**
   * Folds the journal into the snapshot and closes the journal: a clean stop leaves one file.
   * Returns what could not be written (a full disk): every saved change is still in the journal.
   */
  async close(): Promise<Unwritten[]> {
    if (this.#closed) return [];
    await this.settled();
    this.#closed = true;
    try {
      const folded = this.#journal.size === 0 || this.#deferred.attempt('snapshot', () => this.#writeSnapshot(this.#data));
      // A disk that refused the snapshot would refuse the backup too: one failure to tell, the backup tried next time.
      if (folded && !this.#backupFailed) this.#dailyBackup();
    } finally {
      this.#journal.close();
    }
    return this.#deferred.list;
  }

  /** Keeps the day's copy once the reader has data, if none was kept today. */
  #dailyBackup() {
    if (holdsData(countData(this.#data)) && this.backups.due(this.#now(), true)) {
      this.#deferred.attempt('backup', () => this.backups.take(this.#data, 'daily', this.#now()));
    }
  }

  #open() {
    const journalFile = path.join(this.dir, JOURNAL_FILE);
    // A folder where the journal should be holds no entries of ours: kept aside, and the snapshot read.
    if (fs.statSync(journalFile, { throwIfNoEntry: false })?.isDirectory())
      this.warnings.push(journalWasFolder(journalFile, path.basename(moveAside(journalFile, this.#now()))));
    const opening = this.#read();
    if (opening.kind === 'damaged' || opening.kind === 'empty-over-data') {
      // Keep whatever was there, then take the newest backup that holds the reader's data.
      const aside = fs.existsSync(this.#file) ? path.basename(moveAside(this.#file, this.#now())) : undefined;
      const journalAside = fs.existsSync(journalFile) && fs.statSync(journalFile).size > 0 ? path.basename(moveAside(journalFile, this.#now())) : undefined;
      if (!journalAside) fs.rmSync(journalFile, { force: true });
      const best = this.backups.newestWithData(this.#now()) ?? (opening.kind === 'damaged' ? this.backups.newestReadable() : undefined);
      this.warnings.push(openingWarning(opening, aside, best?.info, journalAside));
      this.#journal = Journal.open(journalFile).journal;
      this.#replace(best ? best.data : opening.data);
      return;
    }
    const { data, repaired, migratedFrom } = opening;
    // Before the journal (v3 and older) a journal file is no part of the store; from v4 on it holds the latest writes.
    if (migratedFrom !== undefined && migratedFrom < JOURNAL_SCHEMA && fs.existsSync(journalFile)) moveAside(journalFile, this.#now());
    const { journal, replayed } = Journal.open(journalFile);
    this.#journal = journal;
    // A store of an older version: keep it as it was, its journal's writes in (it can always be rolled back), then write the new layout.
    if (migratedFrom !== undefined) this.backups.take(withJournal(opening.raw, replayed.entries), 'before-migration', this.#now());
    let current = data;
    let damaged = replayed.damagedAt !== undefined;
    for (const entry of replayed.entries) {
      if (entry.rev <= (current.revision ?? 0)) continue; // already in the snapshot (a crash between its write and the journal's cut)
      try {
        record(current, (d) => applyOps(d, entry.patches)); // all of an entry or none of it
        current.revision = entry.rev;
      } catch {
        damaged = true;
        break;
      }
    }
    if (replayed.tornTail) console.error(`[digest-reader] ${JOURNAL_FILE}: dropped a last line cut short by a crash (a write that was never acknowledged).`);
    if (repaired.length) {
      fs.copyFileSync(this.#file, `${this.#file}.corrupt-${this.#now().toISOString().replace(/[:.]/g, '-')}`);
      const fromBackup = this.#restoreParts(
        current,
        repaired.filter((r) => r.dropped === 'all').map((r) => r.part),
      );
      current = fromBackup.data;
      const restored = fromBackup.info
        ? `; ${fromBackup.parts.join(', ')} restored from the backup of ${fromBackup.info.createdAt.slice(0, 16).replace('T', ' ')} UTC`
        : '';
      this.warnings.push({
        code: 'store-repaired',
        message: `Parts of your data file had the wrong shape (${repaired.map((r) => r.part).join(', ')})${restored}. The rest was kept, and the original file was kept beside it as ${STORE_FILE}.corrupt-….`,
      });
    }
    if (damaged) {
      fs.copyFileSync(journalFile, `${journalFile}.corrupt-${this.#now().toISOString().replace(/[:.]/g, '-')}`);
      this.warnings.push({
        code: 'journal-damaged',
        message: `The journal of your latest changes was damaged; the changes before the damage were kept (${describeCounts(countData(current))}), and the journal was kept beside it. Earlier copies are under Backups.`,
      });
    }
    this.#data = current;
    this.#snapshotBytes = fs.existsSync(this.#file) ? fs.statSync(this.#file).size : 0;
    if (migratedFrom !== undefined || repaired.length || damaged || !fs.existsSync(this.#file)) this.#writeSnapshot(current);
  }

  /** Reads the snapshot and decides what it is: the reader's data, or a damaged store. */
  #read(): Opening {
    let raw: unknown;
    let unreadable = false;
    if (fs.existsSync(this.#file)) {
      try {
        raw = readJson<unknown>(this.#file);
        unreadable = !raw || typeof raw !== 'object' || Array.isArray(raw);
      } catch {
        unreadable = true;
      }
    }
    const record = unreadable ? undefined : (raw as Record<string, unknown> | undefined);
    const version = typeof record?.schemaVersion === 'number' ? record.schemaVersion : undefined;
    if (version !== undefined && version > CURRENT_SCHEMA) throw new StoreTooNewError(version);
    if (unreadable) return { kind: 'damaged', why: 'unreadable', data: emptyUserData() };
    const { data, repaired } = salvage(migrate(record ?? {}) as unknown as Record<string, unknown>);
    // A store that holds nothing, in a folder that shows a library was here, lost its data.
    if (!holdsData(countData(data)) && (record === undefined || version === undefined || repaired.length) && this.#libraryWasHere()) {
      return { kind: 'empty-over-data', why: record === undefined ? 'missing' : version === undefined ? 'unversioned' : 'empty', data };
    }
    return { kind: 'ok', raw: record ?? {}, data, repaired, migratedFrom: record && version !== CURRENT_SCHEMA ? (version ?? 0) : undefined };
  }

  /** Digests, backups holding data, a search index or a journal: signs of a library that had data. */
  #libraryWasHere(): boolean {
    const has = (f: string) => fs.existsSync(path.join(this.dir, f));
    const digests = path.join(this.dir, 'digests');
    return (
      (fs.existsSync(digests) && fs.readdirSync(digests).some((f) => f.endsWith('.json'))) ||
      has('search-index.bin') ||
      (has(JOURNAL_FILE) && fs.statSync(path.join(this.dir, JOURNAL_FILE)).size > 0) ||
      this.backups.list().some((b) => b.holdsData)
    );
  }

  /** Parts of the data that were lost whole, taken from the newest backup that has them. */
  #restoreParts(data: UserData, parts: string[]): { data: UserData; info?: BackupInfo; parts: string[] } {
    const best = parts.length ? this.backups.newestWithData(this.#now()) : undefined;
    if (!best) return { data, parts: [] };
    const backup = best.data as unknown as Record<string, unknown>;
    const found = parts.filter((p) => p !== 'settings' && p !== 'session' && backup[p] && Object.keys(backup[p] as object).length);
    if (!found.length) return { data, parts: [] };
    return { data: { ...data, ...Object.fromEntries(found.map((p) => [p, backup[p]])) }, info: best.info, parts: found };
  }

  /** Makes `data` the current data, written whole (snapshot, empty journal). */
  #replace(data: UserData) {
    this.#writeSnapshot(data); // first: a disk that refuses it leaves the data as it was, in memory too
    this.#data = data;
  }

  #writeSnapshot(data: UserData) {
    this.#generation++;
    const json = JSON.stringify(data);
    writeFileAtomic(this.#file, json);
    this.#snapshotBytes = Buffer.byteLength(json);
    this.#cutJournal(this.#journal.size);
  }

  /** Cuts what a snapshot now holds off the journal; if the disk refuses, replay skips those entries (by revision) and the next snapshot cuts them. */
  #cutJournal(bytes: number) {
    try {
      this.#journal.dropHead(bytes);
    } catch (error) {
      if (!isIoError(error)) throw error;
    }
  }

  /** Writes a snapshot of the current revision a slice at a time, then cuts what it holds off the journal. */
  async #compactInBackground(): Promise<void> {
    const frozen = new Frozen(this.#data as unknown as Record<string, unknown>);
    const revision = this.#data.revision;
    const journalBytes = this.#journal.size;
    const generation = this.#generation;
    this.#frozen = frozen;
    try {
      const bytes = await writeSnapshotInSlices(this.#file, frozen, { revision }, () => generation === this.#generation && !this.#closed);
      if (bytes >= 0) {
        this.#snapshotBytes = bytes;
        this.#cutJournal(journalBytes);
        this.#deferred.done('snapshot');
        if (!this.#backupFailed) this.#dailyBackup();
      }
    } catch (error) {
      // The journal still holds every write: nothing is lost, the next compaction (or the close) tries again.
      if (!this.#deferred.fail('snapshot', error)) console.error(`[digest-reader] could not fold the journal into ${STORE_FILE}: ${(error as Error).message}`);
    } finally {
      this.#frozen = undefined;
      this.#compacting = undefined;
    }
  }
}
