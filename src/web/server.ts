import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { dispatch } from '../boundary/dispatch';
import { FolderGrants } from '../boundary/folder-grants';
import type { Core } from '../core';
import { hostAllowed, resolveInside, SECURITY_HEADERS, tokensMatch } from '../boundary/security';

const MAX_BODY = 48 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServer {
  url: string;
  token: string;
  port: number;
  /** A code the page exchanges for the token (POST /api/session), once, within a minute: what a link on a command line may carry. */
  issueCode(): string;
  close(): Promise<void>;
}

/** How long a one-time code can be exchanged for the token. */
const CODE_TTL_MS = 60_000;

export interface WebOptions {
  core: Core;
  staticDir: string;
  port?: number;
  token?: string;
  /** Folders the page may export into (`--export-dir`); none by default, so exports are downloads. */
  grants?: FolderGrants;
  /** The clock of code expiry (tests). */
  now?: () => number;
}

/**
 * Web mode: the built renderer and the contract over HTTP, on 127.0.0.1 only. Every API request
 * must carry the per-run token, which the page gets from the URL printed at start.
 */
export async function startWebServer({
  core,
  staticDir,
  port = 0,
  token = randomBytes(24).toString('base64url'),
  grants = new FolderGrants(),
  now = Date.now,
}: WebOptions): Promise<WebServer> {
  const root = path.resolve(staticDir);
  const codes = new Map<string, number>(); // one-time code → when it expires
  const streams = new Set<http.ServerResponse>();
  const offEvents = core.events.onAny((event, payload) => {
    const frame = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of streams) res.write(frame);
  });

  const server = http.createServer((req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const { port: ownPort } = server.address() as AddressInfo;
    if (!hostAllowed(req.headers.host, ownPort)) return send(res, 421, 'Wrong host');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${req.headers.host}`) return send(res, 403, 'Cross-origin requests are refused');
      if (url.pathname === '/api/session' && req.method === 'POST') return void exchangeCode(req, res, codes, token, now);
      // The Bearer scheme and nothing else: a bare token is refused.
      const bearer = /^Bearer ([\w-]+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!tokensMatch(bearer, token)) return send(res, 401, 'Missing or wrong token: open the link printed by `npm start`.');
      if (url.pathname === '/api/events' && req.method === 'GET') return openStream(res, streams);
      if (url.pathname === '/api/export-folders' && req.method === 'GET') return sendJson(res, { folders: grants.list() });
      const match = /^\/api\/call\/([\w.]+)$/.exec(url.pathname);
      if (match && req.method === 'POST') return void handleCall(core, grants, match[1], req, res);
      return send(res, 404, 'Not found');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    serveStatic(root, url.pathname, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    token,
    port: actual,
    issueCode() {
      for (const [code, expires] of codes) if (expires <= now()) codes.delete(code);
      const code = randomBytes(18).toString('base64url');
      codes.set(code, now() + CODE_TTL_MS);
      return code;
    },
    close: () =>
      new Promise<void>((resolve) => {
        offEvents();
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** POST /api/session {code}: the token for a code issued less than a minute ago and not used yet. */
async function exchangeCode(req: http.IncomingMessage, res: http.ServerResponse, codes: Map<string, number>, token: string, now: () => number) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 1024) return send(res, 413, 'Too large');
  }
  let code: unknown;
  try {
    code = (JSON.parse(body) as { code?: unknown }).code;
  } catch {
    return send(res, 400, 'The request body is not JSON');
  }
  const expires = typeof code === 'string' ? codes.get(code) : undefined;
  if (typeof code === 'string') codes.delete(code); // once, whatever the outcome
  if (expires === undefined || expires <= now())
    return send(res, 401, 'This link was used already or is more than a minute old: open the link printed by `npm start`.');
  sendJson(res, { token });
}

function send(res: http.ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
}

function sendJson(res: http.ServerResponse, value: unknown) {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(value));
}

function openStream(res: http.ServerResponse, streams: Set<http.ServerResponse>) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  streams.add(res);
  res.on('close', () => streams.delete(res));
}

async function handleCall(core: Core, grants: FolderGrants, name: string, req: http.IncomingMessage, res: http.ServerResponse) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) {
      res.writeHead(413, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: 'too-large', message: 'This request is too large (the limit is 48 MB).' } }));
      req.destroy();
      return;
    }
    chunks.push(chunk as Buffer);
  }
  let arg: unknown;
  try {
    arg = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  } catch {
    return send(res, 400, 'The request body is not JSON');
  }
  sendJson(res, await dispatch(core.handlers, name, arg, grants));
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse) {
  let file = resolveInside(root, pathname === '/' ? '/index.html' : pathname);
  if (!file) return send(res, 400, 'Bad path');
  // Unknown paths without an extension are app routes: serve the app.
  if (!fs.existsSync(file) && !path.extname(file)) file = path.join(root, 'index.html');
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) return send(res, 404, 'Not found');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': stat.size,
      'Cache-Control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  });
}
