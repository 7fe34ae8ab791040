import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import { ROOT } from '../../../src/paths';
import { startWebServer, type WebServer } from '../../../src/web/server';
import { tempDir } from '../../helpers';

let core: Core;
let web: WebServer;
let clock = 0;
const staticDir = tempDir('dr-static-');

beforeAll(async () => {
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><p>app</p>');
  core = await openCore({ dataDir: tempDir() });
  web = await startWebServer({ core, staticDir, now: () => clock });
});
afterAll(async () => {
  await web.close();
  await core.close();
});

const exchange = (code: string, origin?: string) =>
  fetch(`${web.url}api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
    body: JSON.stringify({ code }),
  });
const list = (authorization: string) => fetch(`${web.url}api/call/digests.list`, { method: 'POST', headers: { Authorization: authorization }, body: '{}' });

describe('handing the page its token', () => {
  it('exchanges a one-time code for the token, once', async () => {
    const code = web.issueCode();
    expect(code).not.toContain(web.token);
    const res = await exchange(code);
    expect(await res.json()).toEqual({ token: web.token });
    expect((await exchange(code)).status).toBe(401);
  });

  it('lets a code expire after a minute', async () => {
    clock = 1_000_000;
    const code = web.issueCode();
    clock += 61_000;
    expect((await exchange(code)).status).toBe(401);
  });

  it('refuses an exchange from another origin, and a wrong code', async () => {
    expect((await exchange(web.issueCode(), 'http://evil.example')).status).toBe(403);
    expect((await exchange('nope')).status).toBe(401);
  });

  it('refuses a bare token without the Bearer scheme', async () => {
    expect((await list(`Bearer ${web.token}`)).status).toBe(200);
    expect((await list(web.token)).status).toBe(401);
    expect((await list(`bearer ${web.token} extra`)).status).toBe(401);
  });
});

describe('opening the browser', () => {
  it('puts no token on the command line of the browser it opens, only a one-time code that works', async () => {
    // A stand-in for xdg-open that writes down the arguments it was given (what `ps` would show).
    const bin = tempDir('dr-fake-open-');
    const seen = path.join(bin, 'argv.txt');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\necho "$@" > "${seen}"\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(bin, 'open'), `#!/bin/sh\necho "$@" > "${seen}"\n`, { mode: 0o755 });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--data', tempDir(), '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, DISPLAY: ':99', CI: '', DIGEST_READER_NO_OPEN: '', DIGEST_READER_RENDERER: staticDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      while (!fs.existsSync(seen) || !/#token=/.test(out)) {
        if (child.exitCode !== null) throw new Error(`web mode exited: ${out}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const token = /#token=([\w-]+)/.exec(out)![1];
      const argv = fs.readFileSync(seen, 'utf8').trim();
      expect(argv).not.toContain(token);
      const link = new URL(argv);
      const code = /^#code=([\w-]+)$/.exec(link.hash)![1];
      const res = await fetch(new URL('/api/session', link), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      expect(await res.json()).toEqual({ token });
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
