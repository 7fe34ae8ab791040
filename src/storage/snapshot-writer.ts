import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { setImmediate as breathe } from 'node:timers/promises';
import { sweepTempFiles } from './files';
import { atPath } from './io-errors';

/** JSON written per turn of the event loop: a few milliseconds of work, so requests keep flowing. */
const SLICE_CHARS = 1 << 20;
export const ABSENT = Symbol('absent');

/**
 * The data as it was when a snapshot began, while writes go on changing it in place: the store
 * keeps, for each part (or entry of a record part) changed since, its value from before.
 */
export class Frozen {
  readonly #before = new Map<string, unknown>();

  constructor(readonly data: Record<string, unknown>) {}

  /** Called before a change at `path`: the first time, keeps the value it changes. */
  keep(path: (string | number)[]): void {
    const part = String(path[0]);
    const whole = this.data[part];
    const isRecord = whole !== null && typeof whole === 'object' && !Array.isArray(whole);
    const key = isRecord && path.length > 1 ? `${part}\u0000${path[1]}` : part;
    if (this.#before.has(key) || this.#before.has(part)) return;
    const value =
      isRecord && path.length > 1
        ? Object.hasOwn(whole, path[1])
          ? (whole as Record<string, unknown>)[path[1]]
          : ABSENT
        : Object.hasOwn(this.data, part)
          ? whole
          : ABSENT;
    this.#before.set(key, value === ABSENT ? ABSENT : structuredClone(value));
  }

  part(part: string): unknown {
    return this.#before.has(part) ? this.#before.get(part) : this.data[part];
  }

  /** Whether `part` is shown entry by entry (a record not replaced whole since the snapshot began). */
  byEntry(part: string): boolean {
    const v = this.data[part];
    return !this.#before.has(part) && v !== null && typeof v === 'object' && !Array.isArray(v);
  }

  *entries(part: string): Generator<[string, unknown]> {
    const current = this.data[part] as Record<string, unknown>;
    const keys = new Set(Object.keys(current));
    const prefix = `${part}\u0000`;
    for (const k of this.#before.keys()) if (k.startsWith(prefix)) keys.add(k.slice(prefix.length));
    for (const key of keys) {
      const kept = this.#before.get(prefix + key);
      const value = this.#before.has(prefix + key) ? kept : current[key];
      if (value !== ABSENT && value !== undefined) yield [key, value];
    }
  }

  *parts(): Generator<string> {
    const names = new Set(Object.keys(this.data));
    for (const k of this.#before.keys()) if (!k.includes('\u0000')) names.add(k);
    yield* names;
  }
}

/**
 * Writes `view` as JSON to `file` atomically (temp file, flush, rename), a slice per turn of the
 * event loop, showing the data as it was when the snapshot began (`Frozen`), with `overrides`
 * (the revision it holds). `stillWanted` is asked before the rename: a snapshot overtaken by
 * another is dropped.
 */
export async function writeSnapshotInSlices(
  file: string,
  view: Frozen,
  overrides: Record<string, unknown>,
  stillWanted: () => boolean = () => true,
): Promise<number> {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'w');
  } catch (error) {
    throw atPath(error, file, true);
  }
  let buffer = '';
  let bytes = 0;
  let closed = false;
  const flush = () => {
    const chunk = Buffer.from(buffer);
    let written = 0;
    while (written < chunk.length) written += fs.writeSync(fd, chunk, written);
    bytes += chunk.length;
    buffer = '';
  };
  const push = async (text: string) => {
    buffer += text;
    if (buffer.length >= SLICE_CHARS) {
      flush();
      await breathe();
    }
  };
  try {
    await push('{');
    let first = true;
    for (const part of view.parts()) {
      const value = part in overrides ? overrides[part] : view.part(part);
      if (value === undefined || value === ABSENT) continue;
      await push(`${first ? '' : ','}${JSON.stringify(part)}:`);
      first = false;
      if (!(part in overrides) && view.byEntry(part)) {
        // A record (notes, highlights…): entry by entry, so a large one spreads over many turns.
        await push('{');
        let firstEntry = true;
        for (const [k, v] of view.entries(part)) {
          await push(`${firstEntry ? '' : ','}${JSON.stringify(k)}:${JSON.stringify(v)}`);
          firstEntry = false;
        }
        await push('}');
      } else await push(JSON.stringify(value));
    }
    buffer += '}';
    flush();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    closed = true;
    if (!stillWanted()) {
      fs.rmSync(tmp, { force: true });
      return -1;
    }
    fs.renameSync(tmp, file);
    sweepTempFiles(file);
    return bytes;
  } catch (error) {
    if (!closed) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw atPath(error, file, true);
  }
}
