import * as fs from 'node:fs';
import { applyOps, record, type Op } from './recorder';
import { writeFileAtomic } from './files';
import { atPath } from './io-errors';

/** One acknowledged write: the store's revision after it, and the assignments that made it. */
export interface Entry {
  rev: number;
  patches: Op[];
}

export interface Replayed {
  entries: Entry[];
  /** A last line cut short by a crash: a write that was never acknowledged, dropped. */
  tornTail: boolean;
  /** A line that cannot be read before the end: the rest of the journal cannot be trusted. */
  damagedAt?: number;
}

/**
 * The write-ahead journal of the reader's data: one line of JSON per write, appended and flushed
 * to the disk before the write is acknowledged, so a save costs the size of its change, not of
 * the library. The store folds it into its snapshot now and then (compaction).
 */
export class Journal {
  #fd: number;
  #size: number;

  private constructor(
    readonly file: string,
    fd: number,
    size: number,
  ) {
    this.#fd = fd;
    this.#size = size;
  }

  /** Opens (or creates) the journal, reads its entries and cuts off a torn last line. */
  static open(file: string): { journal: Journal; replayed: Replayed } {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw atPath(error, file);
    }
    const replayed: Replayed = { entries: [], tornTail: false };
    let good = 0;
    let at = 0;
    let line = 0;
    while (at < text.length) {
      const end = text.indexOf('\n', at);
      line++;
      const entry = end < 0 ? undefined : parse(text.slice(at, end));
      if (!entry) {
        // A line without its newline: a write cut short, never acknowledged (the newline is written
        // last). A whole line that cannot be read was acknowledged, then damaged: kept and told.
        if (end < 0) replayed.tornTail = text.slice(at).trim() !== '';
        else replayed.damagedAt = line;
        break;
      }
      replayed.entries.push(entry);
      good += Buffer.byteLength(text.slice(at, end + 1));
      at = end + 1;
    }
    const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_APPEND);
    // Cut off what follows the last whole line, so the next line starts clean.
    if (!replayed.damagedAt && at < text.length) fs.ftruncateSync(fd, good);
    return { journal: new Journal(file, fd, replayed.damagedAt ? fs.fstatSync(fd).size : good), replayed };
  }

  get size(): number {
    return this.#size;
  }

  /** Appends one entry and flushes it to the disk; on failure the journal is as before and this throws. */
  append(entry: Entry): void {
    const bytes = Buffer.from(`${JSON.stringify({ rev: entry.rev, p: entry.patches })}\n`);
    try {
      const fd = this.#open();
      let written = 0;
      while (written < bytes.length) written += fs.writeSync(fd, bytes, written);
      fs.fdatasyncSync(this.#fd);
    } catch (error) {
      // A full disk can take half a line: cut it off so the journal stays readable.
      try {
        if (this.#fd >= 0) fs.ftruncateSync(this.#fd, this.#size);
      } catch {
        // the next start drops the torn line instead
      }
      throw atPath(error, this.file);
    }
    this.#size += bytes.length;
  }

  /**
   * Drops the first `bytes` of the journal (folded into a snapshot), keeping what was written since.
   * If that fails the journal stays whole and open: its folded entries are skipped at replay.
   */
  dropHead(bytes: number): void {
    const tail = Buffer.alloc(this.#size - bytes);
    try {
      if (tail.length) fs.readSync(this.#open(), tail, 0, tail.length, bytes);
    } catch (error) {
      throw atPath(error, this.file);
    }
    writeFileAtomic(this.file, tail);
    this.#size = tail.length;
    // The old descriptor now holds a file no longer in the folder: nothing may be appended to it.
    const old = this.#fd;
    this.#fd = -1;
    fs.closeSync(old);
    try {
      this.#open();
    } catch (error) {
      throw atPath(error, this.file);
    }
  }

  /** The open journal; opened again if a compaction swapped the file but could not open the new one. */
  #open(): number {
    if (this.#fd < 0) this.#fd = fs.openSync(this.file, fs.constants.O_RDWR | fs.constants.O_APPEND);
    return this.#fd;
  }

  close(): void {
    if (this.#fd >= 0) fs.closeSync(this.#fd);
    this.#fd = -1;
  }
}

function parse(line: string): Entry | undefined {
  try {
    const value = JSON.parse(line) as { rev?: unknown; p?: unknown };
    if (typeof value.rev !== 'number' || !Array.isArray(value.p)) return undefined;
    return { rev: value.rev, patches: value.p as Op[] };
  } catch {
    return undefined;
  }
}

/**
 * An older version's snapshot with its journal's writes applied, as that version would open it
 * (up to the first entry that does not apply). The journal is replayed onto the migrated data as
 * well, so a migration from the journal's version on keeps the paths it writes meaning the same
 * (an additive one does).
 */
export function withJournal(raw: Record<string, unknown>, entries: Entry[]): Record<string, unknown> {
  const revision = typeof raw.revision === 'number' ? raw.revision : 0;
  const later = entries.filter((e) => e.rev > revision);
  if (!later.length) return raw;
  const data = structuredClone(raw);
  for (const entry of later) {
    try {
      record(data, (d) => applyOps(d, entry.patches));
      data.revision = entry.rev;
    } catch {
      break;
    }
  }
  return data;
}
