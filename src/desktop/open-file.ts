import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { dispatch } from '../boundary/dispatch';
import type { Envelope } from '../api/contract';
import type { Core } from '../core';
import { digestTooLarge, MAX_DIGEST_BYTES } from '../api/vocabulary';
import { decodeDigest } from '../digest/parse';
import type { ImportReport } from '../library/importer';

/**
 * Imports a digest file the page did not pick itself (a menu's dialog, a file the OS opened), and
 * tells the page how it went with an `import.finished` event, as it has no call of its own waiting.
 */
export async function importDigestFile(core: Core, file: string): Promise<Envelope> {
  const name = path.basename(file, path.extname(file));
  const envelope = await readDigest(file).then(
    ({ text, modifiedAt }) => dispatch(core.handlers, 'digests.import', { fileName: path.basename(file), modifiedAt, text, source: 'file' }),
    (error: Error): Envelope => ({ ok: false, error: { code: 'unreadable', message: error.message } }),
  );
  core.events.emit('import.finished', {
    name,
    report: envelope.ok ? (envelope.value as ImportReport) : null,
    error: envelope.ok ? null : envelope.error.message,
  });
  return envelope;
}

async function readDigest(file: string): Promise<{ text: string; modifiedAt: string }> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new Error(`“${file}” could not be opened: it does not exist or cannot be read.`);
  }
  if (!stat.isFile()) throw new Error(`“${file}” is not a file.`);
  // The parser refuses big texts too, but checking the size first spares reading them.
  if (stat.size > MAX_DIGEST_BYTES) {
    throw new Error(digestTooLarge(`“${path.basename(file)}”`, stat.size));
  }
  return { text: decodeDigest(await fs.readFile(file)), modifiedAt: stat.mtime.toISOString() };
}
