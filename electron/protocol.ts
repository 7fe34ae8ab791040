import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { SECURITY_HEADERS } from '../src/boundary/security';
import { APP_SCHEME, appFilePath } from './policy';

/** Before `ready`: app:// is a standard, secure origin (fetch, storage) instead of file://'s loose rules. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from `root`, with the same CSP and security headers as web mode. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appFilePath(root, request.url);
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404 });
    try {
      const res = await net.fetch(pathToFileURL(file).toString());
      const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
      return new Response(res.body, { status: res.status, headers: { ...SECURITY_HEADERS, 'Content-Type': type } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
