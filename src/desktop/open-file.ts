import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../boundary/dispatch';
import type { Envelope } from '../api/contract';
import type { Core } from '../core';
import { digestTooLarge, MAX_DIGEST_BYTES } from '../api/vocabulary';
import type { ImportReport } from '../library/importer';

/** The extension of the digest files the desktop app is registered for. */
export const DIGEST_EXTENSION = '.txt';

/**
 * The digest files named on a command line (the first launch's or a second instance's), as paths
 * or as file:// URLs (Linux desktop files pass %U). Only `.txt` files count: the rest of argv is
 * the executable, the app folder and Chromium switches.
 */
export function digestPathsInArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && path.extname(arg).toLowerCase() === DIGEST_EXTENSION)
    .flatMap((arg) => {
      if (!/^file:/i.test(arg)) return [path.resolve(cwd, arg)];
      try {
        return [fileURLToPath(arg)];
      } catch {
        return []; // a file URL of another host
      }
    });
}

/**
 * Imports a digest file the page did not pick itself (a menu's dialog, a file the OS opened), and
 * tells the page how it went with an `import.finished` event, as it has no call of its own waiting.
 */
export async function importDigestFile(core: Core, file: string): Promise<Envelope> {
  const name = path.basename(file, path.extname(file));
  const envelope = await readDigest(file).then(
    (text) => dispatch(core.handlers, 'digests.import', { name, text, source: 'file' }),
    (error: Error): Envelope => ({ ok: false, error: { code: 'unreadable', message: error.message } }),
  );
  core.events.emit('import.finished', {
    name,
    report: envelope.ok ? (envelope.value as ImportReport) : null,
    error: envelope.ok ? null : envelope.error.message,
  });
  return envelope;
}

async function readDigest(file: string): Promise<string> {
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
  return fs.readFile(file, 'utf8');
}
