import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORE_V8_FLAGS } from '../../src/shared/core-flags';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SHOTS = path.join(ROOT, '.tmp', 'screenshots');

export interface RunningApp {
  url: string;
  token: string;
  dataDir: string;
  /** Calls the contract directly, as the page does. */
  call<T = unknown>(name: string, arg?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts the real web-mode server (a child process) on a data folder, as `npm start` does: the build in dist/web (global-setup.ts). */
export async function startApp(dataDir: string, args: string[] = []): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, [...CORE_V8_FLAGS, 'dist/web/main.js', '--data', dataDir, '--no-open', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, DIGEST_READER_NO_OPEN: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const link = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (m) resolve(m[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
    setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
  });
  const url = link.replace(/#.*/, '');
  const token = link.replace(/.*#token=/, '');
  return {
    url: link,
    token,
    dataDir,
    async call(name, arg = {}) {
      const res = await fetch(`${url}api/call/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(arg),
      });
      const body = await res.json();
      if (!body.ok) throw new Error(body.error.message);
      return body.value;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dr-e2e-'));
}

/**
 * Resolves once every image of the page has finished (loaded or failed, so its handlers have had
 * their turn) and two frames have been drawn since: what the page would do, it has done.
 */
export async function pageSettled(page: Page) {
  await expect.poll(() => page.evaluate(() => [...document.images].every((img) => img.complete))).toBe(true);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Saves a screenshot for a person to look at (light and dark). */
export async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

export const test = base.extend<{ app: RunningApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  app: async ({}, use) => {
    const app = await startApp(freshDataDir());
    await use(app);
    await app.stop();
  },
});

/** Opens the app and waits for the library to show. */
export async function openApp(page: Page, app: RunningApp) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(app.url);
  await expect(page.getByRole('listbox', { name: 'Papers' }).getByRole('option').first()).toBeVisible();
  return errors;
}

export { expect };

/**
 * Searches and opens the paper whose row is named `title`. Clicking "the first row" right after typing
 * races the search: the unfiltered list is still showing until the results land.
 */
export async function openBySearch(page: Page, query: string, title: RegExp) {
  await page.getByRole('searchbox', { name: 'Search papers' }).fill(query);
  await page.getByRole('listbox', { name: 'Papers' }).getByRole('option', { name: title }).first().click();
}

/** Fails on any serious or critical axe-core violation of what the page shows now (or of the part `within` selects). */
export async function expectAccessible(page: Page, view: string, within?: string) {
  const axe = new AxeBuilder({ page });
  const { violations } = await (within ? axe.include(within) : axe).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${view}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(report, report.join('\n')).toEqual([]);
}
