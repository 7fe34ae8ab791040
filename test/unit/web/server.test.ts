import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import { hostAllowed, resolveInside, tokensMatch } from '../../../src/boundary/security';
import { FolderGrants } from '../../../src/boundary/folder-grants';
import { startWebServer, type WebServer } from '../../../src/web/server';
import { SAMPLE_PATH, tempDir } from '../../helpers';

let core: Core;
let web: WebServer;
const staticDir = tempDir('dr-static-');

beforeAll(async () => {
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><p>app</p>');
  core = await openCore({ dataDir: tempDir(), samplePath: SAMPLE_PATH });
  web = await startWebServer({ core, staticDir });
});
afterAll(async () => {
  await web.close();
  await core.close();
});

const call = (name: string, body: unknown, headers: Record<string, string> = { Authorization: `Bearer ${web.token}` }) =>
  fetch(`${web.url}api/call/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** fetch() will not send a forged Host header; node:http will. */
function rawGet(pathname: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: web.port, path: pathname, headers: { Host: host } }, (res) => resolve(res.statusCode!)).on('error', reject);
  });
}

describe('web mode transport', () => {
  it('listens on 127.0.0.1 only and answers calls that carry the token', async () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await call('digests.list', {});
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, value: { paperCount: 119 } });
  });

  it('refuses calls without the token, or with a wrong one (401)', async () => {
    expect((await call('digests.list', {}, {})).status).toBe(401);
    expect((await call('digests.list', {}, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await fetch(`${web.url}api/events`)).status).toBe(401);
  });

  it('refuses other host names (DNS rebinding) and other origins', async () => {
    expect(await rawGet('/', 'evil.example:80')).toBe(421);
    expect(await rawGet('/', `127.0.0.1:${web.port}`)).toBe(200);
    const res = await call('digests.list', {}, { Authorization: `Bearer ${web.token}`, Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('validates arguments at the boundary and names unknown actions', async () => {
    expect(await (await call('papers.query', { limit: 'all' })).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/limit/) },
    });
    expect(await (await call('papers.get', { id: '../../etc/passwd' })).json()).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await (await call('nothing.here', {})).json()).toMatchObject({ ok: false, error: { code: 'unknown-handler' } });
    expect(await (await call('digests.import', { name: 'x', text: '', source: 'paste' })).json()).toMatchObject({ ok: false, error: { code: 'empty' } });
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const res = await fetch(web.url);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(await res.text()).toContain('<p>app</p>');
    const escape = await fetch(`${web.url}..%2f..%2f..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toMatch(/root:/);
    expect((await fetch(`${web.url}%00.js`)).status).toBe(400);
    expect((await fetch(`${web.url}missing.js`)).status).toBe(404);
  });

  it('pushes events to subscribers', async () => {
    const controller = new AbortController();
    const res = await fetch(`${web.url}api/events`, { headers: { Authorization: `Bearer ${web.token}` }, signal: controller.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // the ": connected" comment
    const text = fs.readFileSync(path.join(import.meta.dirname, '../../fixtures/second-digest.txt'), 'utf8');
    await call('digests.import', { name: 'Second', text, source: 'paste' });
    let seen = '';
    while (!seen.includes('library.changed')) seen += (await reader.read()).value;
    expect(seen).toContain('import.progress');
    controller.abort();
  });
});

describe('exports into folders', () => {
  const dirs = tempDir('dr-export-dirs-');
  const vault = path.join(dirs, 'vault');
  const scope = { kind: 'library' };

  it('are refused unless the server was started with that folder, and the page can ask which one', async () => {
    expect(await (await call('export.markdown', { scope, outDir: vault })).json()).toMatchObject({ ok: false, error: { code: 'folder-not-chosen' } });
    expect(await (await call('export.csv', { scope, outDir: vault })).json()).toMatchObject({ ok: false, error: { code: 'folder-not-chosen' } });
    expect(fs.existsSync(vault)).toBe(false);
    const folders = await fetch(`${web.url}api/export-folders`, { headers: { Authorization: `Bearer ${web.token}` } });
    expect(await folders.json()).toEqual({ folders: [] });
    expect((await fetch(`${web.url}api/export-folders`)).status).toBe(401);

    const granted = await startWebServer({ core, staticDir, grants: new FolderGrants([vault]) });
    try {
      const headers = { Authorization: `Bearer ${granted.token}`, 'Content-Type': 'application/json' };
      const post = (name: string, body: unknown) =>
        fetch(`${granted.url}api/call/${name}`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.json());
      expect(await (await fetch(`${granted.url}api/export-folders`, { headers })).json()).toEqual({ folders: [vault] });
      const paper = { kind: 'paper', ids: [(await post('papers.query', { limit: 1 })).value.items[0].id] };
      expect(await post('export.markdown', { scope: paper, outDir: vault })).toMatchObject({ ok: true, value: { count: 1 } });
      expect(fs.readdirSync(vault)).toHaveLength(1);
      // Only Markdown: a .bib or .csv would replace a file of that name in the folder.
      fs.writeFileSync(path.join(vault, 'Library.csv'), 'the reader’s own spreadsheet');
      expect(await post('export.csv', { scope, outDir: vault })).toMatchObject({ ok: false, error: { code: 'folder-not-chosen' } });
      expect(await post('export.bibtex', { scope, outDir: vault })).toMatchObject({ ok: false, error: { code: 'folder-not-chosen' } });
      expect(fs.readFileSync(path.join(vault, 'Library.csv'), 'utf8')).toBe('the reader’s own spreadsheet');
      // Nor anywhere else, however it is spelled.
      expect(await post('export.markdown', { scope: paper, outDir: dirs })).toMatchObject({ ok: false, error: { code: 'folder-not-chosen' } });
      expect(await post('export.markdown', { scope: paper, outDir: path.join(vault, '..', '..') })).toMatchObject({
        ok: false,
        error: { code: 'folder-not-chosen' },
      });
      expect(await post('export.markdown', { scope: paper, outDir: 42 })).toMatchObject({ ok: false, error: { code: 'folder-not-chosen' } });
      expect(await post('export.markdown', { scope: paper, outDir: `${vault}${path.sep}` })).toMatchObject({ ok: true });
    } finally {
      await granted.close();
    }
  });
});

describe('security helpers', () => {
  it('keeps paths inside the root', () => {
    expect(resolveInside('/srv/app', '/assets/a.js')).toBe('/srv/app/assets/a.js');
    expect(resolveInside('/srv/app', '/../secret')).toBe('/srv/app/secret');
    expect(resolveInside('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(resolveInside('/srv/app', '/a%00b')).toBeUndefined();
    expect(resolveInside('/srv/app', '/%E0%A4%A')).toBeUndefined();
  });
  it('compares tokens and hosts strictly', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abd', 'abc')).toBe(false);
    expect(tokensMatch(undefined, 'abc')).toBe(false);
    expect(hostAllowed('localhost:80', 80)).toBe(true);
    expect(hostAllowed('localhost:81', 80)).toBe(false);
    expect(hostAllowed(undefined, 80)).toBe(false);
  });
});
