import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { atPath } from './io-errors';

/** Temp files carry the writer's pid: a sweep can tell ours (maybe being written by another thread) from a dead process's. */
const OURS = new RegExp(`\\.tmp-${process.pid}-[0-9a-f]+$`);
const TEMP = /\.tmp-[\w-]+$/;

/**
 * Writes a file so that a crash leaves either the old or the new content, never half of one. The
 * temp file sits beside the target (inside the library folder, on the same disk, so the rename
 * is atomic); temp files a killed process left in that folder are removed after the write.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  writeFileAtomicWith(file, (fd) => fs.writeFileSync(fd, data));
}

/** `writeFileAtomic` of what `write` writes into the open file (a large content made as it is written). */
export function writeFileAtomicWith(file: string, write: (fd: number) => void): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      write(fd);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (error) {
    // A full disk fails the write itself: leave no partial temp file behind either.
    fs.rmSync(tmp, { force: true });
    throw atPath(error, file, true);
  }
  sweepTempFiles(file);
}

/**
 * `writeFileAtomic` without holding the thread: the content comes in parts (a large digest's
 * entries, a slice at a time), each made and written in its own turn while requests go on.
 */
export async function writeFileAtomicAsync(file: string, parts: Iterable<string>): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    const handle = await fs.promises.open(tmp, 'w');
    try {
      // writeFile writes a part whole, from where the last one ended (write may write less).
      for (const part of parts) await handle.writeFile(part);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, file);
  } catch (error) {
    await fs.promises.rm(tmp, { force: true });
    throw atPath(error, file, true);
  }
  sweepTempFiles(file);
}

/** Removes the temp files of dead writers in `file`'s folder (not ours: another thread may be writing one). */
export function sweepTempFiles(file: string): void {
  const dir = path.dirname(file);
  try {
    for (const name of fs.readdirSync(dir)) if (TEMP.test(name) && !OURS.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // a sweep is housekeeping: never fail the write that asked for it
  }
}

/** Keeps an unreadable file for the reader (never deletes it) and returns where it went. */
export function moveAside(file: string, now = new Date()): string {
  const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(file, aside);
  return aside;
}

/**
 * Removes temp files that an interrupted atomic write (ours or conf's) left behind, in `dir` and
 * below; this process's own too when `includeOwn` (at a clean stop, when nothing is being written).
 */
export function removeStaleTempFiles(dir: string, includeOwn = false): string[] {
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) removed.push(...removeStaleTempFiles(full, includeOwn));
    else if (TEMP.test(entry.name) && (includeOwn || !OURS.test(entry.name))) {
      fs.rmSync(full, { force: true });
      removed.push(full);
    }
  }
  return removed;
}

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/**
 * Calls `visit` with each line of a file, read in chunks into one buffer (a line longer than it
 * grows it): no string of the whole file. Throws if the last line has no end (a file cut short).
 */
export function eachLine(file: string, visit: (line: string) => void): void {
  const fd = fs.openSync(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(1 << 20);
    let held = 0;
    for (let at = 0; ;) {
      const got = fs.readSync(fd, buffer, held, buffer.length - held, at);
      at += got;
      held += got;
      let start = 0;
      for (let end = buffer.indexOf(10, start); end !== -1 && end < held; end = buffer.indexOf(10, start)) {
        visit(buffer.toString('utf8', start, end));
        start = end + 1;
      }
      if (got === 0) {
        if (held > start) throw new Error('the file ends within a line');
        return;
      }
      buffer.copy(buffer, 0, start, held);
      held -= start;
      if (held === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    }
  } finally {
    fs.closeSync(fd);
  }
}
