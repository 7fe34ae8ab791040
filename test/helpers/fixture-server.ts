/**
 * A local HTTP(S) server for tests of anything that fetches: 127.0.0.1, an ephemeral port, answers
 * from a route table or a folder of recorded responses, and a log of every request with its
 * headers. Routes cover what the network does to a reader: ETags and 304s, redirect chains, a
 * server that never answers, a slow drip, a huge body made on the fly, a web page for a feed.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sent as ETag; a request whose If-None-Match carries it gets 304. */
  etag?: string;
  /** Sent as Last-Modified; a request whose If-Modified-Since equals it gets 304. */
  lastModified?: string;
  /** Answers a redirect here (status 302 unless given). */
  redirect?: string;
  /** Waits this long before answering. */
  delayMs?: number;
  /** Never answers (the socket stays open until the client gives up or the server closes). */
  hang?: boolean;
  /** Sends the headers, then `chunk` every `intervalMs`, `count` times. */
  drip?: { chunk: string; intervalMs: number; count: number };
  /** A body of `bytes` made on the fly, with or without Content-Length. */
  generate?: { bytes: number; contentLength: boolean; contentType?: string };
  handler?: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string, `?` included ('' when none). */
  search: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface FixtureServer {
  /** `http://127.0.0.1:<port>` (https for a TLS server). */
  origin: string;
  url(pathname: string): string;
  requests: RecordedRequest[];
  requestsTo(pathname: string): RecordedRequest[];
  /** Sets or replaces a route: one answer, or a list answered in turn (the last one repeats). */
  route(pathname: string, route: Route | Route[]): void;
  /** Bytes written to clients so far, for checks that a cut-off answer was not sent whole. */
  bytesSent(): number;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  routes?: Record<string, Route | Route[]>;
  /** Recorded responses: each file is served at /<its name>, with a Content-Type by extension and an ETag of its content. */
  folder?: string;
  /** PEM key and certificate: serve https. */
  tls?: { key: string; cert: string };
}

const TYPES: Record<string, string> = {
  '.xml': 'application/rss+xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function folderRoutes(folder: string): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    if (!fs.statSync(file).isFile()) continue;
    const body = fs.readFileSync(file);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    routes[`/${name}`] = { body, etag, headers: { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream' } };
  }
  return routes;
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const routes = new Map<string, Route[]>();
  const served = new Map<string, number>();
  const add = (p: string, r: Route | Route[]) => {
    routes.set(p, Array.isArray(r) ? r : [r]);
    served.set(p, 0);
  };
  for (const [p, r] of Object.entries(options.folder ? folderRoutes(options.folder) : {})) add(p, r);
  for (const [p, r] of Object.entries(options.routes ?? {})) add(p, r);
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let sent = 0;
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const { pathname, search } = new URL(req.url ?? '/', 'http://x');
    requests.push({ method: req.method ?? 'GET', path: pathname, search, headers: req.headers, at: Date.now() });
    const list = routes.get(pathname);
    if (!list) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const n = served.get(pathname)!;
    served.set(pathname, n + 1);
    const route = list[Math.min(n, list.length - 1)];
    if (route.hang) return;
    const answer = () => respond(route, req, res, later, (k) => (sent += k));
    if (route.delayMs) later(route.delayMs, answer);
    else answer();
  };

  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // A TLS handshake the client refuses surfaces here; it is the point of the TLS test, not a failure.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    origin,
    url: (p) => origin + p,
    requests,
    requestsTo: (p) => requests.filter((r) => r.path === p),
    route: add,
    bytesSent: () => sent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function respond(
  route: Route,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  later: (ms: number, fn: () => void) => void,
  count: (bytes: number) => void,
): void {
  if (route.handler) return route.handler(req, res);
  const headers: Record<string, string> = { ...route.headers };
  if (route.etag) headers.etag = route.etag;
  if (route.lastModified) headers['last-modified'] = route.lastModified;
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  if ((route.etag && inm && inm.split(/\s*,\s*/).includes(route.etag)) || (route.lastModified && ims === route.lastModified)) {
    res.writeHead(304, headers).end();
    return;
  }
  if (route.redirect) {
    res.writeHead(route.status ?? 302, { ...headers, location: route.redirect }).end();
    return;
  }
  const status = route.status ?? 200;
  if (route.drip) {
    const { chunk, intervalMs, count: times } = route.drip;
    res.writeHead(status, { 'content-type': 'application/rss+xml', ...headers });
    let i = 0;
    const tick = () => {
      if (res.destroyed) return;
      if (i++ >= times) return void res.end();
      res.write(chunk);
      count(chunk.length);
      later(intervalMs, tick);
    };
    tick();
    return;
  }
  if (route.generate) {
    const { bytes, contentLength, contentType } = route.generate;
    res.writeHead(status, { 'content-type': contentType ?? 'application/rss+xml', ...(contentLength ? { 'content-length': String(bytes) } : {}), ...headers });
    const block = Buffer.alloc(64 * 1024, '<item>filler</item>\n');
    let left = bytes;
    // Writes as the client reads (backpressure), so an aborted client stops the generation.
    const pump = () => {
      while (left > 0 && !res.destroyed) {
        const piece = left >= block.length ? block : block.subarray(0, left);
        left -= piece.length;
        count(piece.length);
        if (!res.write(piece)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
    return;
  }
  const body = route.body ?? '';
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), ...headers });
  count(Buffer.byteLength(body));
  res.end(body);
}
