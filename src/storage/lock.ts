import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { atPath } from './io-errors';
import { bootTimeMs, pidAlive, processStartMs } from './process-info';

export class LibraryLockedError extends Error {
  constructor(dir: string, pid: number | string) {
    super(`Another Digest Reader (process ${pid}) is already using the library in ${dir}. Close it first: two writers would lose each other's changes.`);
    this.name = 'LibraryLockedError';
  }
}

/** Locks this process holds, so that a second open of the same library in it is refused too. */
const held = new Set<string>();
/** A lock file written within this long of its owner's start may still be that owner's: clocks and /proc/stat's btime are coarse. */
const CLOCK_SLACK_MS = 2000;
/** An unreadable lock file (written by hand, or torn by an old version) younger than this may be mid-write. */
const UNREADABLE_GRACE_MS = 10_000;
const MAX_DEPTH = 4;

/** One incarnation of a lock file: its content and the identity of the file that held it. */
interface Seen {
  raw: string;
  key: string;
  mtimeMs: number;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * One writer per library. The lock file holds the owner's pid (as previous versions wrote it, so
 * they still see the lock), is created whole and atomically (a temp file hard-linked into place,
 * which fails if the lock exists), and is judged stale when no process has its pid, or the one
 * that has it started after the lock was written (a pid reused, e.g. after a reboot).
 *
 * Taking over a stale lock is itself atomic: the taker must first hold a claim on that very
 * incarnation of the lock (a second lock file named after it, taken the same way), so among
 * processes racing for one stale lock exactly one replaces it; the others then find a live owner.
 */
export function acquireLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'library.lock');
  const release = acquire(file, dir, 0);
  held.add(file);
  sweepLeftovers(dir);
  return () => {
    held.delete(file);
    release();
  };
}

function acquire(file: string, dir: string, depth: number): () => void {
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createWhole(file, mine)) return releaser(file);
    const seen = read(file);
    if (!seen) continue; // released meanwhile: try again
    if (ownerAlive(file, seen)) throw new LibraryLockedError(dir, seen.raw.trim() || '?');
    if (depth >= MAX_DEPTH) throw new Error(`Could not take the library lock in ${dir}: ${file} is stale but cannot be replaced.`);
    let releaseClaim: () => void;
    try {
      releaseClaim = acquire(`${path.join(dir, 'library.lock')}.takeover-${hash(seen.key)}`, dir, depth + 1);
    } catch (error) {
      if (!(error instanceof LibraryLockedError)) throw error;
      sleep(5 + Math.random() * 10); // another process is taking it over right now: see who won
      continue;
    }
    try {
      // Only the holder of this claim can change the lock while it is this incarnation.
      if (read(file)?.key === seen.key) {
        replaceWhole(file, mine);
        return releaser(file);
      }
    } finally {
      releaseClaim();
    }
  }
  throw new Error(`Could not take the library lock in ${dir}: it changed hands too often.`);
}

function releaser(file: string): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // Nobody else changes a lock whose owner lives, so reading and then removing it is safe.
    if (read(file)?.raw === String(process.pid)) fs.rmSync(file, { force: true });
  };
}

function tempName(file: string) {
  return `${file}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Creates `file` with `content` if it does not exist: never an empty or half-written lock. */
function createWhole(file: string, content: string): boolean {
  const tmp = tempName(file);
  fs.writeFileSync(tmp, content);
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function replaceWhole(file: string, content: string) {
  const tmp = tempName(file);
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

/** Reads content and file identity through one descriptor, so both belong to the same incarnation. */
function read(file: string): Seen | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const stat = fs.fstatSync(fd, { bigint: true });
    const raw = fs.readFileSync(fd, 'utf8'); // a folder in its place fails here (EISDIR), named by the path given below
    return { raw, key: `${raw}|${stat.dev}|${stat.ino}|${stat.mtimeNs}`, mtimeMs: Number(stat.mtimeNs / 1_000_000n) };
  } catch (error) {
    throw atPath(error, file);
  } finally {
    fs.closeSync(fd);
  }
}

function ownerAlive(file: string, seen: Seen): boolean {
  const text = seen.raw.trim();
  if (!/^\d+$/.test(text)) return Date.now() - seen.mtimeMs < UNREADABLE_GRACE_MS;
  const pid = Number(text);
  // Our own pid: a lock we hold, or one left by an earlier process that had our pid.
  if (pid === process.pid) return held.has(file);
  // Written before this boot: whoever has that pid now is not the owner.
  if (seen.mtimeMs < bootTimeMs() - CLOCK_SLACK_MS) return false;
  if (!pidAlive(pid)) return false;
  const started = processStartMs(pid);
  return started === undefined || started <= seen.mtimeMs + CLOCK_SLACK_MS;
}

function hash(text: string) {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

/** Claims and temp files that a process killed while taking the lock left behind. Safe once we hold it. */
function sweepLeftovers(dir: string) {
  for (const name of fs.readdirSync(dir)) {
    const claim = /^library\.lock\.takeover-\w+$/.test(name);
    const temp = /^library\.lock(?:\.takeover-\w+)?\.new-(\d+)-\w+$/.exec(name);
    if (claim || (temp && Number(temp[1]) !== process.pid && !pidAlive(Number(temp[1])))) {
      const seen = claim ? read(path.join(dir, name)) : undefined;
      if (seen && ownerAlive(path.join(dir, name), seen)) continue; // someone is still claiming an old incarnation
      fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}
