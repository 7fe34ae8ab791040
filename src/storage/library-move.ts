import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './files';
import { acquireLock } from './lock';
import { sameTree } from './same-tree';

/**
 * The one-time move of a desktop library out of Electron's userData folder into the library folder
 * that web mode and the command line use too. The old folder also holds Chromium's caches and
 * `desktop.json`, so only the library's own entries move. Never overwrites: when the new place
 * already holds a library, nothing moves. Renames when both folders are on one device; otherwise
 * copies into a staging folder, compares every byte, and only then puts the copy in place and
 * removes the old entries. A journal in the new place lets an interrupted move finish at the next
 * start instead of leaving the library split in two.
 */

/** The entries of a folder that belong to a library (digests, the reader's data, backups, index, corpus cache, and their set-aside copies). */
const LIBRARY_ENTRY = /^(digests|backups|userdata\.(?:json|journal).*|search-index\..+|corpus-(?:cache|abstracts)\..+)$/;
export const MOVED_NOTE = 'LIBRARY-MOVED.txt';
export const KEPT_NOTE = 'LIBRARY-NOT-MOVED.txt';
const JOURNAL = '.library-move.json';
const STAGING = '.library-move-staging';

export type LibraryMove =
  | { kind: 'none' }
  | { kind: 'moved'; from: string; to: string; how: 'rename' | 'copy'; leftOver: string[] }
  | { kind: 'kept-both'; from: string; to: string; firstTime: boolean }
  | { kind: 'failed'; from: string; to: string; reason: string };

/** The file operations a move uses; tests swap them to fail on purpose. */
export interface MoveOps {
  rename(from: string, to: string): void;
  copy(from: string, to: string): void;
}

const fsOps: MoveOps = {
  rename: (a, b) => fs.renameSync(a, b),
  copy: (a, b) => fs.cpSync(a, b, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true }),
};

interface Journal {
  from: string;
  /** Where the entries being put in place come from: the old folder itself, or the verified copy. */
  source: string;
}

const entriesOf = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => LIBRARY_ENTRY.test(name)) : []);
const holdsLibrary = (dir: string) => fs.existsSync(path.join(dir, 'userdata.json')) || fs.existsSync(path.join(dir, 'digests'));

function readJournal(to: string): Journal | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(to, JOURNAL), 'utf8')) as Journal;
  } catch {
    return undefined;
  }
}

/** Moves the library in `from` into `to` if `to` holds none; see the module comment. */
export function moveOldLibrary(from: string, to: string, ops: MoveOps = fsOps): LibraryMove {
  from = path.resolve(from);
  to = path.resolve(to);
  const journal = readJournal(to);
  if (from === to || (!holdsLibrary(from) && journal?.from !== from)) return { kind: 'none' };
  if (journal && journal.from !== from) return { kind: 'failed', from, to, reason: `a move into ${to} from ${journal.from} is unfinished.` };
  if (!journal && entriesOf(to).length > 0) return keptBoth(from, to);

  let releaseFrom: (() => void) | undefined;
  let releaseTo: (() => void) | undefined;
  try {
    releaseFrom = acquireLock(from);
    releaseTo = acquireLock(to);
    if (journal?.from === from) return finish(from, to, journal, ops, journal.source === from ? 'rename' : 'copy');
    writeJournal(to, { from, source: from });
    try {
      return finish(from, to, { from, source: from }, ops, 'rename');
    } catch (error) {
      // Another device: renames cannot cross it (finish() has undone nothing, as nothing moved).
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV' || readJournal(to)) throw error;
      return copyThenMove(from, to, ops);
    }
  } catch (error) {
    return { kind: 'failed', from, to, reason: (error as Error).message };
  } finally {
    releaseTo?.();
    releaseFrom?.();
  }
}

/** Copies into a staging folder beside the library, verifies every byte, then puts it in place. */
function copyThenMove(from: string, to: string, ops: MoveOps): LibraryMove {
  const staging = path.join(to, STAGING);
  fs.rmSync(staging, { recursive: true, force: true }); // an earlier copy that was interrupted
  try {
    for (const name of entriesOf(from)) ops.copy(path.join(from, name), path.join(staging, name));
    const differs = entriesOf(from).find((name) => !sameTree(path.join(from, name), path.join(staging, name)));
    if (differs) throw new Error(`the copy of ${differs} does not match the original.`);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  writeJournal(to, { from, source: staging });
  return finish(from, to, { from, source: staging }, ops, 'copy');
}

/** Puts the source's entries in place (each one a rename), removes the old ones, and leaves the note. */
function finish(from: string, to: string, journal: Journal, ops: MoveOps, how: 'rename' | 'copy'): LibraryMove {
  const placed: string[] = [];
  try {
    for (const name of entriesOf(journal.source)) {
      if (fs.existsSync(path.join(to, name))) throw new Error(`${path.join(to, name)} already exists.`);
      ops.rename(path.join(journal.source, name), path.join(to, name));
      placed.push(name);
    }
  } catch (error) {
    // Undo this run's renames. Once nothing of the library is in the new place, the journal goes
    // (and a verified copy with it); if undoing fails, the journal stays and the next start finishes.
    for (const name of placed.reverse()) fs.renameSync(path.join(to, name), path.join(journal.source, name));
    if (entriesOf(to).length === 0) {
      if (journal.source !== from) fs.rmSync(journal.source, { recursive: true, force: true });
      fs.rmSync(path.join(to, JOURNAL), { force: true });
    }
    throw error;
  }
  // The library is whole in its new place: removing the old copy is best effort, and said when it fails.
  const leftOver: string[] = [];
  if (journal.source !== from) {
    for (const name of [...entriesOf(from), journal.source]) {
      try {
        fs.rmSync(path.isAbsolute(name) ? name : path.join(from, name), { recursive: true, force: true });
      } catch {
        leftOver.push(path.isAbsolute(name) ? name : path.join(from, name));
      }
    }
  }
  const note = `Digest Reader moved its library from this folder to\n\n  ${to}\n\non ${new Date().toISOString().slice(0, 10)}. The desktop app, web mode and the command line all use it there now.\nWhat is left here (desktop.json: the window's place and recent digests; Chromium's caches) belongs to the desktop app.\nThis note can be deleted.\n`;
  writeFileAtomic(path.join(from, MOVED_NOTE), note);
  fs.rmSync(path.join(to, JOURNAL), { force: true });
  return { kind: 'moved', from, to, how, leftOver };
}

function writeJournal(to: string, journal: Journal): void {
  writeFileAtomic(path.join(to, JOURNAL), JSON.stringify(journal));
}

/** Both places hold a library: nothing moves; a note in the old folder says so (and marks the warning as given). */
function keptBoth(from: string, to: string): LibraryMove {
  const note = path.join(from, KEPT_NOTE);
  const firstTime = !fs.existsSync(note);
  if (firstTime) {
    const text = `Digest Reader found a library in this folder (left by an earlier version of the desktop app) and another in\n\n  ${to}\n\nIt uses the one there and moved nothing: the library here is untouched. To open it, start the command line with\n  digest-reader --data "${from}" …\nor the app with DIGEST_READER_DATA="${from}".\n`;
    writeFileAtomic(note, text);
  }
  return { kind: 'kept-both', from, to, firstTime };
}

export interface Notice {
  level: 'info' | 'warning';
  message: string;
}

/**
 * The library folder to open, after moving an old desktop library into `dataDir` if there is one
 * to move, and what to tell the person about it. When the move fails, the library stays where it
 * was and is opened there this time; the move is tried again at the next start.
 */
export function settleLibrary(dataDir: string, oldDir: string | undefined, ops?: MoveOps): { dataDir: string; notice?: Notice } {
  const move = oldDir ? moveOldLibrary(oldDir, dataDir, ops) : ({ kind: 'none' } as const);
  switch (move.kind) {
    case 'none':
      return { dataDir };
    case 'moved':
      return {
        dataDir: move.to,
        notice: {
          level: move.leftOver.length ? 'warning' : 'info',
          message:
            `Your library moved from ${move.from} to ${move.to}, where the desktop app, web mode and the command line all find it. A note about the move was left in the old folder.` +
            (move.leftOver.length ? ` These old copies could not be removed; delete them yourself: ${move.leftOver.join(', ')}.` : ''),
        },
      };
    case 'kept-both':
      return {
        dataDir: move.to,
        notice: move.firstTime
          ? {
              level: 'warning',
              message: `There is a library in ${move.to} and another in ${move.from}, from an earlier version of the desktop app. Digest Reader opens the one in ${move.to} and moved nothing; the other is untouched, and a note in its folder (${KEPT_NOTE}) says how to open it.`,
            }
          : undefined,
      };
    case 'failed':
      return {
        dataDir: move.from,
        notice: {
          level: 'warning',
          message: `Your library could not be moved from ${move.from} to ${move.to}: ${move.reason} It stays where it was, unchanged, and is opened there this time; the move is tried again at the next start.`,
        },
      };
  }
}
