import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEPT_NOTE, MOVED_NOTE, moveOldLibrary, settleLibrary, type MoveOps } from '../../../src/storage/library-move';
import { tempDir } from '../../helpers';

/** Electron's userData folder with a library in it, beside the desktop app's own files. */
function oldFolder(): string {
  const dir = tempDir('dr-userdata-');
  const write = (file: string, data: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), data);
  };
  write('userdata.json', '{"schemaVersion":1,"settings":{"sampleImported":true},"notes":{"p1":"my note"}}');
  write('digests/d1.json', '{"id":"d1","papers":[]}');
  write('digests/d2.json', '{"id":"d2","papers":[]}');
  write('backups/userdata-2025.json', '{}');
  write('search-index.bin', Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]));
  write('corpus-cache.json', '{"version":1}');
  write('corpus-abstracts.bin', 'Abstracts, one after another.');
  write('userdata.json.corrupt-2025-01-01', 'half a file');
  write('desktop.json', '{"window":{}}'); // electron-store's, stays
  write('Cache/data_0', 'chromium'); // Chromium's, stays
  return dir;
}

/** Every file under `dir`, with its content. */
function files(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) out[path.relative(dir, full)] = fs.readFileSync(full, 'latin1');
  }
  return out;
}

const LIBRARY = [
  'userdata.json',
  'digests/d1.json',
  'digests/d2.json',
  'backups/userdata-2025.json',
  'search-index.bin',
  'corpus-cache.json',
  'corpus-abstracts.bin',
  'userdata.json.corrupt-2025-01-01',
];
const pick = (all: Record<string, string>, names: string[]) => Object.fromEntries(names.map((n) => [n, all[n]]));
const newPlace = () => path.join(tempDir('dr-data-'), 'digest-reader');
const fsOps: MoveOps = { rename: fs.renameSync, copy: (a, b) => fs.cpSync(a, b, { recursive: true, errorOnExist: true, force: false }) };
const otherDevice: MoveOps = {
  ...fsOps,
  rename(a, b) {
    if (!a.includes('.library-move-staging')) throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    fs.renameSync(a, b);
  },
};

describe('moving the desktop library into the library folder', () => {
  it('renames the library entries on one device, leaves the desktop files, and leaves a note', () => {
    const from = oldFolder();
    const to = newPlace();
    const before = files(from);
    expect(moveOldLibrary(from, to)).toEqual({ kind: 'moved', from, to, how: 'rename', leftOver: [] });
    expect(pick(files(to), LIBRARY)).toEqual(pick(before, LIBRARY));
    expect(Object.keys(files(to)).sort()).toEqual([...LIBRARY].sort()); // no lock, journal or staging left behind
    expect(Object.keys(files(from)).sort()).toEqual(['Cache/data_0', MOVED_NOTE, 'desktop.json'].sort());
    expect(fs.readFileSync(path.join(from, MOVED_NOTE), 'utf8')).toContain(to);
    expect(moveOldLibrary(from, to)).toEqual({ kind: 'none' }); // once
  });

  it('copies across devices, compares every byte, and only then removes the old entries', () => {
    const from = oldFolder();
    const to = newPlace();
    const before = files(from);
    expect(moveOldLibrary(from, to, otherDevice)).toMatchObject({ kind: 'moved', how: 'copy', leftOver: [] });
    expect(files(to)).toEqual(pick(before, LIBRARY));
    expect(Object.keys(files(from)).sort()).toEqual(['Cache/data_0', MOVED_NOTE, 'desktop.json'].sort());
  });

  it('moves nothing when the new place already holds a library, and warns once', () => {
    const from = oldFolder();
    const to = newPlace();
    fs.mkdirSync(to, { recursive: true });
    fs.writeFileSync(path.join(to, 'userdata.json'), '{"theirs":true}');
    const [oldBefore, newBefore] = [files(from), files(to)];
    expect(moveOldLibrary(from, to)).toEqual({ kind: 'kept-both', from, to, firstTime: true });
    expect(files(to)).toEqual(newBefore);
    expect(files(from)).toEqual({ ...oldBefore, [KEPT_NOTE]: expect.stringContaining(`--data "${from}"`) });
    expect(moveOldLibrary(from, to)).toEqual({ kind: 'kept-both', from, to, firstTime: false });
    expect(settleLibrary(to, from)).toEqual({ dataDir: to }); // the warning was given: not again at every start
  });

  it('keeps the old library intact when a copy fails partway', () => {
    const from = oldFolder();
    const to = newPlace();
    const before = files(from);
    let copies = 0;
    const failing: MoveOps = {
      ...otherDevice,
      copy(a, b) {
        if (++copies === 3) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        fsOps.copy(a, b);
      },
    };
    expect(moveOldLibrary(from, to, failing)).toEqual({ kind: 'failed', from, to, reason: 'ENOSPC: no space left on device' });
    expect(files(from)).toEqual(before);
    expect(files(to)).toEqual({}); // no half library, no staging folder
  });

  it('keeps the old library intact when the copy does not match the original', () => {
    const from = oldFolder();
    const to = newPlace();
    const before = files(from);
    const truncating: MoveOps = {
      ...otherDevice,
      copy(a, b) {
        fsOps.copy(a, b);
        if (path.basename(b) === 'search-index.bin') fs.truncateSync(b, 4);
      },
    };
    expect(moveOldLibrary(from, to, truncating)).toMatchObject({ kind: 'failed', reason: 'the copy of search-index.bin does not match the original.' });
    expect(files(from)).toEqual(before);
    expect(files(to)).toEqual({});
  });

  it('undoes its renames when one fails, so the library stays whole in one place', () => {
    const from = oldFolder();
    const to = newPlace();
    const before = files(from);
    let renames = 0;
    const failing: MoveOps = {
      ...fsOps,
      rename(a, b) {
        if (++renames === 3) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        fs.renameSync(a, b);
      },
    };
    expect(moveOldLibrary(from, to, failing)).toMatchObject({ kind: 'failed', reason: 'EACCES: permission denied' });
    expect(files(from)).toEqual(before);
    expect(files(to)).toEqual({});
  });

  it('finishes a move that was interrupted (the app was killed) at the next start', () => {
    const from = oldFolder();
    const to = newPlace();
    const before = files(from);
    fs.mkdirSync(to, { recursive: true });
    fs.writeFileSync(path.join(to, '.library-move.json'), JSON.stringify({ from, source: from }));
    fs.renameSync(path.join(from, 'digests'), path.join(to, 'digests')); // moved before the interruption
    expect(moveOldLibrary(from, to)).toMatchObject({ kind: 'moved', how: 'rename' });
    expect(files(to)).toEqual(pick(before, LIBRARY));
  });

  it('moves nothing when there is nothing to move, or it is the same folder (macOS, Windows)', () => {
    const empty = tempDir('dr-userdata-');
    fs.writeFileSync(path.join(empty, 'desktop.json'), '{}');
    expect(moveOldLibrary(empty, newPlace())).toEqual({ kind: 'none' });
    expect(moveOldLibrary(path.join(empty, 'missing'), newPlace())).toEqual({ kind: 'none' });
    const same = oldFolder();
    expect(moveOldLibrary(same, `${same}${path.sep}.`)).toEqual({ kind: 'none' });
  });

  it('leaves a library that another process has open where it is', () => {
    const from = oldFolder();
    fs.writeFileSync(path.join(from, 'library.lock'), String(process.ppid)); // a live process other than this one
    const before = files(from);
    expect(moveOldLibrary(from, newPlace())).toMatchObject({ kind: 'failed', reason: expect.stringContaining('is already using the library') });
    expect(files(from)).toEqual(before);
  });
});

describe('the library to open, and what to tell the person', () => {
  it('the new place after a move, with a note of where it went', () => {
    const from = oldFolder();
    const to = newPlace();
    expect(settleLibrary(to, from)).toEqual({ dataDir: to, notice: { level: 'info', message: expect.stringContaining(`moved from ${from} to ${to}`) } });
  });

  it('the old place when the move failed, with why, and nothing changed', () => {
    const from = oldFolder();
    fs.writeFileSync(path.join(from, 'library.lock'), String(process.ppid));
    const settled = settleLibrary(newPlace(), from);
    expect(settled.dataDir).toBe(from);
    expect(settled.notice).toMatchObject({ level: 'warning', message: expect.stringMatching(/could not be moved .* stays where it was, unchanged/) });
  });

  it('the new place when both hold a library, with a warning the first time', () => {
    const from = oldFolder();
    const to = newPlace();
    fs.mkdirSync(path.join(to, 'digests'), { recursive: true });
    expect(settleLibrary(to, from)).toMatchObject({ dataDir: to, notice: { level: 'warning', message: expect.stringContaining('moved nothing') } });
  });

  it('the given folder, untouched, when there is no old place to look at ($DIGEST_READER_DATA)', () => {
    expect(settleLibrary('/srv/library', undefined)).toEqual({ dataDir: '/srv/library' });
  });
});
