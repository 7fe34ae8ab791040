import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where resources/ and dist/ live), from this file's place in src/. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE_DIGEST = path.join(ROOT, 'resources', 'trending-papers.txt');
export const RENDERER_DIST = path.join(ROOT, 'dist', 'renderer');

/** Where the library lives outside Electron: $DIGEST_READER_DATA, else the XDG data folder. */
export function defaultDataDir(): string {
  if (process.env.DIGEST_READER_DATA) return path.resolve(process.env.DIGEST_READER_DATA);
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'digest-reader');
}
