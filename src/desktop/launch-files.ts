import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

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
