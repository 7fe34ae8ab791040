import * as fs from 'node:fs';
import * as path from 'node:path';
import { moveAside, readJson } from '../storage/files';
import { atPath, describeIoError, isIoError } from '../storage/io-errors';
import type { StoreWarning } from '../storage/store-messages';
import { parseDigestFile } from './digest-file';
import type { DigestFile } from './types';

/** Bytes read of a digest file to find its record, which the app writes first (corpus.ts). */
const HEAD = 4096;
const RECORD_FIRST = /^\{"version":[12],"digest":/;

/**
 * The digest files of `dir` in the order they were imported (importedAt, then id), each read
 * when its turn comes, so that one digest's papers' text can be let go before the next is read:
 * read all at once to be put in order, 100,000 papers' abstracts (110 MB) stayed in the heap for
 * the whole replay. The order comes from each file's digest record, read from its head; a file
 * written otherwise is read whole at once. A file that is not a digest is set aside and the
 * reader told (`warn`); one the disk will not give stops the start.
 */
export function* digestsInOrder(dir: string, warn: (w: StoreWarning) => void): Generator<DigestFile> {
  const found: Array<{ file: string; importedAt: string; id: string; data?: DigestFile }> = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const file = path.join(dir, name);
    const record = recordOf(file);
    if (record) found.push({ file, ...record });
    else {
      const data = readDigest(file, warn);
      if (data) found.push({ file, importedAt: data.digest.importedAt, id: data.digest.id, data });
    }
  }
  found.sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
  for (const each of found) {
    const data = each.data ?? readDigest(each.file, warn);
    each.data = undefined;
    if (data) yield data;
  }
}

function readDigest(file: string, warn: (w: StoreWarning) => void): DigestFile | undefined {
  try {
    return parseDigestFile(readJson<unknown>(file));
  } catch (error) {
    // A file the disk will not give (permission denied…) is not damaged: stop and say so, moving nothing.
    if (isIoError(error) && error.code !== 'EISDIR') throw atPath(error, file);
    const aside = moveAside(file);
    const why = isIoError(error) ? ` (${describeIoError(error)})` : '';
    warn({
      code: 'digest-corrupt',
      message: `An imported digest file could not be read${why} and was kept aside as ${path.basename(aside)}; its papers are missing until you import that digest again (your notes, tags, stars and lists for them are kept and come back with it).`,
    });
    return undefined;
  }
}

/** The order's facts from the digest record at the head of the file, if it is there and whole. */
function recordOf(file: string): { importedAt: string; id: string } | undefined {
  let head: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const bytes = Buffer.allocUnsafe(HEAD);
      head = bytes.toString('utf8', 0, fs.readSync(fd, bytes, 0, HEAD, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined; // read whole, which says why
  }
  const start = RECORD_FIRST.exec(head)?.[0].length;
  const end = start === undefined ? -1 : objectEnd(head, start);
  if (end < 0) return undefined;
  try {
    const record = JSON.parse(head.slice(start, end)) as { importedAt?: unknown; id?: unknown };
    return typeof record.importedAt === 'string' && typeof record.id === 'string' ? { importedAt: record.importedAt, id: record.id } : undefined;
  } catch {
    return undefined;
  }
}

/** Where the JSON object that begins at `from` ends (past its `}`), or -1 if it does not end in `text`. */
export function objectEnd(text: string, from: number): number {
  if (text[from] !== '{') return -1;
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') for (i++; i < text.length && text[i] !== '"'; i++) i += text[i] === '\\' ? 1 : 0;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  return -1;
}
