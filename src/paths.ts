import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root (where package.json, resources/ and dist/ live): the nearest folder up from this
 * module with a package.json. The module is in src/ when run from source and in a bundle's folder
 * (dist/web, dist/electron) when built.
 */
export const ROOT = rootAbove(path.dirname(fileURLToPath(import.meta.url)));

function rootAbove(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, 'package.json'))) return at;
    if (path.dirname(at) === at) return path.resolve(dir, '..');
  }
}

/**
 * Where the app's own files are, given its root: the project when run from source, the asar when
 * packaged. A packaged app keeps the sample digest outside the asar, in its resources folder.
 */
export function appPaths(root: string, resourcesDir = path.join(root, 'resources')) {
  return { renderer: path.join(root, 'dist', 'renderer'), sample: path.join(resourcesDir, 'trending-papers.txt') };
}

export const { renderer: RENDERER_DIST, sample: SAMPLE_DIGEST } = appPaths(ROOT);

/** The machine a path is worked out for; tests pass another platform's. */
export interface Place {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

const here = (): Place => ({ platform: process.platform, env: process.env, home: os.homedir() });
const pathsOf = (platform: NodeJS.Platform) => (platform === 'win32' ? path.win32 : path.posix);

/** An XDG variable counts only when absolute (the XDG spec says to ignore relative ones). */
function xdg(place: Place, name: string, fallback: string[]): string {
  const value = place.env[name];
  return value && path.posix.isAbsolute(value) ? value : path.posix.join(place.home, ...fallback);
}

/** The OS's per-user application-data folder for macOS and Windows, where Electron also keeps its own. */
function appDataBase(place: Place): string | undefined {
  if (place.platform === 'darwin') return path.posix.join(place.home, 'Library', 'Application Support');
  if (place.platform === 'win32') return place.env.APPDATA || path.win32.join(place.home, 'AppData', 'Roaming');
  return undefined;
}

/**
 * The one library folder of the desktop app, web mode and the command line: $DIGEST_READER_DATA
 * when set; else `$XDG_DATA_HOME/digest-reader` (`~/.local/share/digest-reader`) on Linux,
 * `~/Library/Application Support/Digest Reader` on macOS, `%APPDATA%\Digest Reader` on Windows.
 */
export function defaultDataDir(place: Place = here()): string {
  const p = pathsOf(place.platform);
  if (place.env.DIGEST_READER_DATA) return p.resolve(place.env.DIGEST_READER_DATA);
  const base = appDataBase(place);
  return base ? p.join(base, 'Digest Reader') : path.posix.join(xdg(place, 'XDG_DATA_HOME', ['.local', 'share']), 'digest-reader');
}

/** Whether the library folder was named by $DIGEST_READER_DATA (then no old library is moved into it). */
export const dataDirIsChosen = (place: Place = here()): boolean => Boolean(place.env.DIGEST_READER_DATA);

/**
 * Where earlier versions of the desktop app kept the library: Electron's userData folder
 * (`app.getPath('userData')`, named after the product). On Linux that is `~/.config/Digest Reader`;
 * on macOS and Windows it is the library folder itself, so there is nothing to move.
 */
export function desktopUserDataDir(place: Place = here()): string {
  return pathsOf(place.platform).join(appDataBase(place) ?? xdg(place, 'XDG_CONFIG_HOME', ['.config']), 'Digest Reader');
}

/** The app's version, as package.json gives it. */
export function appVersion(root = ROOT): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
