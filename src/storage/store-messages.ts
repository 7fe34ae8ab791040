import { ApiError } from '../api/contract';
import type { BackupInfo } from './backups';
import { ioFailure, isIoError } from './io-errors';
import type { Unwritten } from './unwritten';
import type { UserData } from './schema';
import type { DataCounts, Salvaged } from './user-data-file';
import { plural } from '../shared/plural';

/** Something the reader is told about their library's files (a file set aside, a backup restored…). */
export interface StoreWarning {
  code:
    | 'store-corrupt'
    | 'store-restored'
    | 'store-repaired'
    | 'store-missing'
    | 'journal-damaged'
    | 'journal-folder'
    | 'backup-failed'
    | 'digest-corrupt'
    | 'index-rebuilt';
  message: string;
}

/** What opening the store found. */
export type Opening =
  | { kind: 'ok'; raw: Record<string, unknown>; data: UserData; repaired: Salvaged['repaired']; migratedFrom: number | undefined }
  /** The file cannot be read as a store at all. */
  | { kind: 'damaged'; why: 'unreadable'; data: UserData }
  /** The file is missing, unversioned or empty of data, in a folder that shows a library was here. */
  | { kind: 'empty-over-data'; why: 'missing' | 'unversioned' | 'empty'; data: UserData };

export function describeCounts(c: DataCounts): string {
  return `${plural(c.notes, 'note')}, ${plural(c.tags, 'tag')}, ${plural(c.lists, 'list')}, ${plural(c.highlights, 'highlight')}`;
}

const WHAT: Record<string, string> = {
  unreadable: 'was damaged',
  missing: 'was missing',
  unversioned: 'had lost its version',
  empty: 'was empty',
};

/** The message for the reader when the store had to be restored (or could not be). */
export function openingWarning(
  opening: Exclude<Opening, { kind: 'ok' }>,
  aside: string | undefined,
  restored: BackupInfo | undefined,
  journalAside?: string,
): StoreWarning {
  const journal = journalAside ? ` Your latest changes, recorded after it, were kept as ${journalAside}.` : '';
  const kept = (aside ? ` It was kept as ${aside}.` : '') + journal;
  if (restored) {
    return {
      code: 'store-restored',
      message: `Your data file (userdata.json) ${WHAT[opening.why]}.${kept} Your data was restored from the backup of ${restored.createdAt.slice(0, 16).replace('T', ' ')} UTC (${describeCounts(restored.counts)}); other backups are under Backups.`,
    };
  }
  return {
    code: opening.kind === 'damaged' ? 'store-corrupt' : 'store-missing',
    message: `Your data file (userdata.json) ${WHAT[opening.why]}, and no backup holds your notes, tags or lists.${kept} The app started with empty notes, tags and lists; your imported digests are kept.`,
  };
}

/** A change the disk refused (full, read-only…): nothing of it was kept, and the reader is told why. */
export function notSaved(error: unknown): unknown {
  return isIoError(error) ? new ApiError('not-saved', ioFailure(error, 'Your change was not saved (nothing changed)')) : error;
}

export function backupFailed(unwritten: Unwritten): StoreWarning {
  const line = ioFailure(unwritten.error, unwritten.doing);
  return { code: 'backup-failed', message: `${line[0].toUpperCase()}${line.slice(1)} Your data is as it was.` };
}

export function journalWasFolder(file: string, aside: string): StoreWarning {
  return {
    code: 'journal-folder',
    message: `${file} was a folder, not the journal of your changes: it was moved aside as ${aside} (look inside it for anything of yours, then remove it). Your data was read from userdata.json.`,
  };
}
