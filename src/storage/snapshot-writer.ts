import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { setImmediate as breathe } from 'node:timers/promises';
import { sweepTempFiles } from './files';

/** JSON written per turn of the event loop: a few milliseconds of work, so requests keep flowing. */
const SLICE_CHARS = 1 << 20;

/**
 * Writes `data` as JSON to `file` atomically (temp file, flush, rename), a slice per turn of the
 * event loop. `data` must not change meanwhile: the store's data is immutable (each write makes a
 * new root and shares the rest), so the snapshot is of one revision however long it takes.
 * `stillWanted` is asked before the rename: a snapshot overtaken by another is dropped.
 */
export async function writeSnapshotInSlices(file: string, data: object, stillWanted: () => boolean = () => true): Promise<number> {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  const fd = fs.openSync(tmp, 'w');
  let buffer = '';
  let bytes = 0;
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
    for (const [key, value] of Object.entries(data)) {
      if (value === undefined || typeof value === 'function') continue;
      await push(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        // A record (notes, highlights…): entry by entry, so a large one spreads over many turns.
        await push('{');
        let firstEntry = true;
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          if (v === undefined) continue;
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
    if (!stillWanted()) {
      fs.rmSync(tmp, { force: true });
      return -1;
    }
    fs.renameSync(tmp, file);
    sweepTempFiles(file);
    return bytes;
  } catch (error) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}
