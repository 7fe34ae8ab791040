import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where resources/ and dist/ live), from this file's place in src/. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the app's own files are, given its root: the project when run from source, the asar when
 * packaged. A packaged app keeps the sample digest outside the asar, in its resources folder.
 */
export function appPaths(root: string, resourcesDir = path.join(root, 'resources')) {
  return { renderer: path.join(root, 'dist', 'renderer'), sample: path.join(resourcesDir, 'trending-papers.txt') };
}

export const { renderer: RENDERER_DIST, sample: SAMPLE_DIGEST } = appPaths(ROOT);

/** Where the library lives outside Electron: $DIGEST_READER_DATA, else the XDG data folder. */
export function defaultDataDir(): string {
  if (process.env.DIGEST_READER_DATA) return path.resolve(process.env.DIGEST_READER_DATA);
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'digest-reader');
}

/** The app's version, as package.json gives it. */
export function appVersion(root = ROOT): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
