import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../src/api/events';
import { openCore, type Core } from '../../../src/core';
import { digestPathsInArgv } from '../../../src/desktop/launch-files';
import { importDigestFile } from '../../../src/desktop/open-file';
import { MAX_DIGEST_BYTES } from '../../../src/digest/errors';
import { SECOND, tempDir } from '../../helpers';

describe('digest files on a command line', () => {
  it('takes the .txt arguments, resolved against the launch folder', () => {
    const argv = ['/opt/Digest Reader/digest-reader', '--no-sandbox', 'today.txt', '/abs/Week.TXT', 'notes.md'];
    expect(digestPathsInArgv(argv, '/home/me')).toEqual([path.resolve('/home/me', 'today.txt'), path.resolve('/abs/Week.TXT')]);
  });

  it('takes file:// URLs, as Linux desktop files pass them', () => {
    expect(digestPathsInArgv(['exe', 'file:///home/me/My%20digest.txt', 'file://elsewhere/x.txt'], '/w')).toEqual([path.resolve('/home/me/My digest.txt')]);
  });

  it('ignores the executable, the app folder and switches', () => {
    expect(digestPathsInArgv(['/usr/bin/electron', '.', '--inspect=0', '--flag=x.txt'], '/w')).toEqual([]);
    expect(digestPathsInArgv(['weird-name.txt'], '/w')).toEqual([]); // argv[0] is always the executable
  });
});

describe('importing a file the page did not pick', () => {
  let core: Core;
  const finished: Events['import.finished'][] = [];
  const dir = tempDir('dr-files-');

  beforeAll(async () => {
    core = await openCore({ dataDir: tempDir() });
    core.events.on('import.finished', (e) => finished.push(e));
  });
  afterAll(() => core.close());

  it('imports it through the contract and reports how it went', async () => {
    const file = path.join(dir, 'Second digest.txt');
    fs.writeFileSync(file, SECOND);
    fs.utimesSync(file, new Date('2026-07-20T08:00:00Z'), new Date('2026-07-20T08:00:00Z'));
    const result = await importDigestFile(core, file);
    expect(result.ok).toBe(true);
    expect(finished.at(-1)).toMatchObject({
      name: 'Second digest',
      error: null,
      report: { added: expect.any(Number), digest: { name: 'Second digest 2026-07-20', source: 'file' } },
    });
    expect(finished.at(-1)!.report!.added).toBeGreaterThan(0);

    await importDigestFile(core, file); // the same file again adds nothing
    expect(finished.at(-1)!.report).toMatchObject({ added: 0, alreadyImported: { name: 'Second digest 2026-07-20' } });
  });

  it('reports a missing file, a folder, an empty file and a huge file without reading them as digests', async () => {
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');
    const huge = path.join(dir, 'huge.txt');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, MAX_DIGEST_BYTES + 1); // sparse: no 32 MB written

    for (const [file, message] of [
      [path.join(dir, 'gone.txt'), /does not exist/],
      [dir, /not a file/],
      [empty, /empty/i],
      [huge, /32 MB/],
    ] as const) {
      const result = await importDigestFile(core, file);
      expect(result.ok, file).toBe(false);
      expect(finished.at(-1)).toMatchObject({ report: null, error: expect.stringMatching(message) });
    }
  });
});
