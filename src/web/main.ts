import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { FolderGrants } from '../boundary/folder-grants';
import { openCore } from '../core';
import { defaultDataDir, RENDERER_DIST, SAMPLE_DIGEST } from '../paths';
import { startWebServer } from './server';

/** Web mode: `tsx src/web/main.ts [--data DIR] [--port N] [--no-open] [--export-dir DIR]`. */
async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: process.env.PORT ?? '0' },
      'no-open': { type: 'boolean', default: false },
      'export-dir': { type: 'string' },
    },
  });
  const staticDir = process.env.DIGEST_READER_RENDERER ?? RENDERER_DIST;
  if (!fs.existsSync(`${staticDir}/index.html`)) {
    console.error('Digest Reader: the renderer is not built. Run `npm run build` (npm start does this).');
    process.exit(1);
  }
  const dataDir = values.data ?? defaultDataDir();
  const core = await openCore({ dataDir, samplePath: SAMPLE_DIGEST, schedule: true });
  const grants = new FolderGrants(values['export-dir'] ? [values['export-dir']] : []);
  const web = await startWebServer({ core, staticDir, port: Number(values.port), grants });
  // The printed link carries the token (only this terminal sees it). The browser is opened with
  // a one-time code instead: a command line is visible to every user of the machine (ps).
  console.log(`Digest Reader is running in web mode at ${web.url}#token=${web.token}`);
  console.log(`Library: ${dataDir}`);
  for (const w of (await core.handlers['app.status'].run({})).warnings) console.error(`Digest Reader: ${w.message}`);
  for (const dir of grants.list()) console.log(`Markdown exports may be written into ${dir}`);
  if (!values['no-open'] && !process.env.CI && !process.env.DIGEST_READER_NO_OPEN) openBrowser(`${web.url}#code=${web.issueCode()}`);

  const stop = async () => {
    await web.close();
    try {
      await core.close();
    } catch (error) {
      console.error(`Digest Reader did not close cleanly (every saved change is kept and read at the next start): ${(error as Error).message}`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function openBrowser(url: string) {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => {}); // no browser: the printed link is enough
  child.unref();
}

main().catch((error: Error) => {
  console.error(`Digest Reader could not start: ${error.message}`);
  process.exit(1);
});
