// Without --data, the command line opens the library the desktop app uses: the same folder,
// worked out by the same function, with an earlier desktop app's library moved into it first.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { run } from '../../../src/cli/main';
import { openCore } from '../../../src/core';
import { MOVED_NOTE } from '../../../src/storage/library-move';
import { defaultDataDir, desktopUserDataDir } from '../../../src/paths';
import { SAMPLE_PATH, tempDir } from '../../helpers';

const saved = { ...process.env };
let home: string;
beforeEach(() => {
  home = tempDir('dr-home-');
  Object.assign(process.env, {
    HOME: home,
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CONFIG_HOME: path.join(home, 'config'),
    APPDATA: path.join(home, 'AppData'),
  });
  delete process.env.DIGEST_READER_DATA;
});
afterEach(() => {
  process.env = { ...saved };
  fs.rmSync(home, { recursive: true, force: true });
});

async function stats() {
  const out: string[] = [];
  const err: string[] = [];
  const status = await run(['stats', '--json'], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, stats: out.length ? (JSON.parse(out.join('\n')) as { library: string; papers: { total: number } }) : undefined, err: err.join('\n') };
}

it("opens the desktop app's library", async () => {
  const core = await openCore({ dataDir: defaultDataDir(), samplePath: SAMPLE_PATH });
  await core.close();
  const { status, stats: s, err } = await stats();
  expect({ status, err }).toEqual({ status: 0, err: '' });
  expect(s).toMatchObject({ library: defaultDataDir(), papers: { total: expect.any(Number) } });
  expect(s!.papers.total).toBeGreaterThan(0);
});

// On Linux, where the earlier folder (~/.config/Digest Reader) is not the library folder; on macOS and Windows they are one.
it("moves an earlier desktop app's library into it first, and says so", async () => {
  const old = desktopUserDataDir();
  const core = await openCore({ dataDir: old, samplePath: SAMPLE_PATH });
  await core.close();
  const { status, stats: s, err } = await stats();
  expect(status).toBe(0);
  expect(err).toContain(`Your library moved from ${old} to ${defaultDataDir()}`);
  expect(s!.library).toBe(defaultDataDir());
  expect(s!.papers.total).toBeGreaterThan(0);
  expect(fs.existsSync(path.join(old, MOVED_NOTE))).toBe(true);
});

it('uses $DIGEST_READER_DATA instead, and moves nothing into it', async () => {
  const chosen = path.join(home, 'chosen');
  process.env.DIGEST_READER_DATA = chosen;
  const core = await openCore({ dataDir: desktopUserDataDir(), samplePath: SAMPLE_PATH });
  await core.close();
  const { status, err } = await stats();
  expect(status).toBe(1);
  expect(err).toContain(`There is no library in ${chosen}`);
  expect(fs.existsSync(path.join(desktopUserDataDir(), 'userdata.json'))).toBe(true);
});
