import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../../src/cli/main';
import { SAMPLE_PATH, SECOND_PATH, tempDir } from '../../helpers';
import { ALL_BUT_JOURNAL, breakFs, healFs } from '../storage/faulty-fs';

// The disk's failures are injected where the storage writes: the real disk is never filled.
vi.mock('node:fs', async (original) => (await import('../storage/faulty-fs')).faultyFs(await original()));
afterEach(healFs);

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out, err };
}

/** A library with the sample imported, copied fresh for each test; and the id of one paper in it. */
let library: string;
let paper: string;
beforeAll(async () => {
  library = path.join(tempDir(), 'library');
  expect((await cli('--data', library, 'import', SAMPLE_PATH)).status).toBe(0);
  const listed = await cli('--data', library, 'list', '--limit', '1', '--json');
  paper = (JSON.parse(listed.out.join('\n')) as { items: { id: string }[] }).items[0].id;
}, 60_000);

function copy(): string {
  const dir = path.join(tempDir(), 'library');
  fs.cpSync(library, dir, { recursive: true });
  return dir;
}

/** No stack trace, no "unexpected error": one line per thing to say. */
function expectPlain(lines: string[]) {
  for (const line of lines) {
    expect(line).not.toMatch(/\n|unexpected error|^\s+at /);
    expect(line).toMatch(/^digest-reader: /);
  }
}

/** How many papers have the tag, as the command line lists them (0 when there is no such tag). */
async function tagged(dir: string, tag: string): Promise<number> {
  const r = await cli('--data', dir, 'list', '--tag', tag, '--json');
  return r.status === 0 ? (JSON.parse(r.out.join('\n')) as { total: number }).total : 0;
}

describe('writing commands on a full disk', { timeout: 60_000 }, () => {
  it('tag: the change saved, then the data file not written, says both in one line', async () => {
    const dir = copy();
    breakFs('write', ALL_BUT_JOURNAL);
    const r = await cli('--data', dir, 'tag', paper, 'full-disk');
    healFs();
    expect(r.out).toEqual(['Tagged 1 paper with “full-disk”.']);
    expect(r.err).toEqual([
      `digest-reader: saved; userdata.json could not be updated (your changes are kept in userdata.journal until it can be): the disk is full (${path.join(dir, 'userdata.json')}). Free some space, then try again.`,
    ]);
    expect(r.status).toBe(0);
    expect(await tagged(dir, 'full-disk')).toBe(1);
  });

  it('star: the daily backup not written is said in one line after the change was saved', async () => {
    const dir = copy();
    breakFs('write', /[/\\]backups[/\\]/);
    const r = await cli('--data', dir, 'star', paper);
    healFs();
    expect(r.out).toEqual(['Starred 1 paper.']);
    expect(r.err).toEqual([
      expect.stringMatching(
        /^digest-reader: saved; the daily backup could not be written: the disk is full \(.*backups[/\\]userdata-.*\.json\)\. Free some space, then try again\.$/,
      ),
    ]);
  });

  it('tag: a change the disk refused is not saved, nothing changes, and one line says so', async () => {
    const dir = copy();
    breakFs('write', /^(?!.*library\.lock)/);
    const r = await cli('--data', dir, 'tag', paper, 'full-disk');
    healFs();
    expect(r).toEqual({
      status: 1,
      out: [],
      err: [
        `digest-reader: Your change was not saved (nothing changed): the disk is full (${path.join(dir, 'userdata.journal')}). Free some space, then try again.`,
      ],
    });
    expect(await tagged(dir, 'full-disk')).toBe(0);
  });

  it('import: a digest the disk cannot take is not imported, in one line, with no stack logged', async () => {
    const dir = copy();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    breakFs('open', /[/\\]digests[/\\].*\.tmp-/);
    const r = await cli('--data', dir, 'import', SECOND_PATH);
    healFs();
    logged.mockRestore();
    expect(r.status).toBe(1);
    expect(r.err).toEqual([expect.stringMatching(/second-digest\.txt: .*digests[/\\][\w-]+\.json: the disk is full\. Free some space, then try again\.$/)]);
    expect(logged).not.toHaveBeenCalled();
    expect(fs.readdirSync(path.join(dir, 'digests'))).toEqual(fs.readdirSync(path.join(library, 'digests')));
  });
});

describe('a bad library folder gets one line naming the path and what to do', { timeout: 60_000 }, () => {
  const cases: [string, (dir: string) => void, RegExp][] = [
    [
      'the library folder is a file',
      (dir) => (fs.rmSync(dir, { recursive: true }), fs.writeFileSync(dir, '')),
      /: (.*library): a file is where a folder should be\. Move that file out of the way, then try again\.$/,
    ],
    [
      'the lock file is a folder',
      (dir) => fs.mkdirSync(path.join(dir, 'library.lock')),
      /library\.lock: a folder is where a file should be\. Move that folder out of the way/,
    ],
    [
      'digests is a file',
      (dir) => (fs.rmSync(path.join(dir, 'digests'), { recursive: true }), fs.writeFileSync(path.join(dir, 'digests'), '')),
      /library[/\\]digests: a file is where a folder should be\./,
    ],
    [
      'backups is a file',
      (dir) => (fs.rmSync(path.join(dir, 'backups'), { recursive: true }), fs.writeFileSync(path.join(dir, 'backups'), '')),
      /library[/\\]backups: a file is where a folder should be\./,
    ],
    [
      'the digests folder cannot be read',
      () => breakFs('readdir', /digests$/, 'EACCES'),
      /digests: permission denied\. Give this user access to it, then try again\.$/,
    ],
    [
      'a digest file cannot be read',
      () => breakFs('read', /digests[/\\][^/\\]+\.json$/, 'EACCES'),
      /digests[/\\][\w-]+\.json: permission denied\. Give this user access to it/,
    ],
    [
      'the disk is read-only',
      () => breakFs('open', /userdata\.journal$/, 'EROFS'),
      /userdata\.journal: the disk is read-only\. Use a library on a writable disk, then try again\.$/,
    ],
    [
      'too many files are open',
      () => breakFs('readdir', /digests$/, 'EMFILE'),
      /digests: too many files are open\. Close some programs \(or raise the limit: ulimit -n\), then try again\.$/,
    ],
  ];
  it.each(cases)('%s', async (_, spoil, message) => {
    const dir = copy();
    spoil(dir);
    const r = await cli('--data', dir, 'stats');
    healFs();
    expect(r.status).toBe(1);
    expect(r.err).toEqual([
      expect.stringMatching(new RegExp(`^digest-reader: The library in ${dir.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} could not be opened: `)),
    ]);
    expect(r.err[0]).toMatch(message);
    expectPlain(r.err);
    // Refused, so nothing was moved aside or written.
    if (fs.statSync(dir).isDirectory()) expect(fs.readdirSync(dir, { recursive: true }).filter((f) => /corrupt|tmp-/.test(String(f)))).toEqual([]);
  });

  it('a digest file that is a folder is set aside, saying so, and the rest opens', async () => {
    const dir = copy();
    fs.mkdirSync(path.join(dir, 'digests', 'x.json'));
    const r = await cli('--data', dir, 'stats');
    expect(r.status).toBe(0);
    expect(r.err).toEqual([
      expect.stringMatching(
        /^digest-reader: An imported digest file could not be read \(a folder is where a file should be\) and was kept aside as x\.json\.corrupt-/,
      ),
    ]);
  });

  it('a data file (with the settings) that is a folder is set aside and the backup restored', async () => {
    const dir = copy();
    fs.rmSync(path.join(dir, 'userdata.json'));
    fs.mkdirSync(path.join(dir, 'userdata.json'));
    const r = await cli('--data', dir, 'stats');
    expect(r.status).toBe(0);
    expect(r.err).toEqual([expect.stringMatching(/^digest-reader: Your data file \(userdata\.json\) was damaged\. It was kept as userdata\.json\.corrupt-/)]);
  });

  it('a journal that is a folder: one line saying which path and what to do, and the snapshot still loaded', async () => {
    const dir = copy();
    expect((await cli('--data', dir, 'tag', paper, 'kept')).status).toBe(0);
    fs.rmSync(path.join(dir, 'userdata.journal'), { force: true });
    fs.mkdirSync(path.join(dir, 'userdata.journal'));
    const r = await cli('--data', dir, 'list', '--tag', 'kept', '--json');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.out.join('\n')) as { total: number }).total).toBe(1);
    expect(r.err).toEqual([
      expect.stringMatching(
        /userdata\.journal was a folder, not the journal of your changes: it was moved aside as userdata\.journal\.corrupt-.* \(look inside it for anything of yours, then remove it\)/,
      ),
    ]);
  });
});
