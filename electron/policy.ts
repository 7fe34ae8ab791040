// The shell's security rules as pure functions: no `electron` import, so plain unit tests reach them.
import { resolveInside } from '../src/boundary/security';

/** The renderer's origin: a custom scheme, so the page has neither file:// powers nor a network origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'digest-reader';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(raw: string | undefined): URL | undefined {
  try {
    return raw ? new URL(raw) : undefined;
  } catch {
    return undefined;
  }
}

function isAppUrl(url: URL | undefined): boolean {
  return url?.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/** Links the OS browser may be asked to open: https with a host, and no user:password@ disguise. */
export function isSafeExternalUrl(raw: string): boolean {
  const url = parse(raw);
  return !!url && url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password && raw.length <= 2048;
}

/** The file an app:// request may read, or undefined: other hosts, and paths that leave `root`, are refused. */
export function appFilePath(root: string, raw: string): string | undefined {
  const url = parse(raw);
  if (!url || !isAppUrl(url)) return undefined;
  return resolveInside(root, url.pathname === '/' ? '/index.html' : url.pathname);
}

export interface Sender {
  webContentsId: number;
  /** The URL of the frame that sent the message; undefined once that frame is gone. */
  frameUrl: string | undefined;
  isTopFrame: boolean;
}

/** IPC is answered only for the app's own window, from its top frame, showing the app itself. */
export function isOwnSender(sender: Sender, ownWebContentsId: number | undefined): boolean {
  return ownWebContentsId !== undefined && sender.webContentsId === ownWebContentsId && sender.isTopFrame && isAppUrl(parse(sender.frameUrl));
}
