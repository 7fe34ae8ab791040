import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiError } from '../api/contract';
import { writeFileAtomic } from '../storage/files';
import { describeIoError } from '../storage/io-errors';

/** How export files reach the disk; tests inject one that fails half-way. */
export type WriteFile = (file: string, data: string) => void;

/** Each file is written whole or not at all: a crash or a full disk never leaves half a file. */
export const atomicWrite: WriteFile = writeFileAtomic;

/** Makes sure `outDir` is a folder the export can write into, creating it if it does not exist yet. */
export function prepareOutDir(outDir: string): string {
  if (!path.isAbsolute(outDir)) throw new ApiError('invalid-argument', `The export folder must be an absolute path: ${outDir}`);
  const dir = path.resolve(outDir);
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) throw new ApiError('not-a-folder', `Cannot export into ${dir}: it is a file, not a folder.`);
  try {
    if (!stat) fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    throw new ApiError('not-writable', `Cannot export into ${dir}: ${describeIoError(error)}.`);
  }
  return dir;
}

/** Writes one generated file (a .bib, a .csv) into `outDir`; returns its path. */
export function writeOne(outDir: string, name: string, text: string, write: WriteFile = atomicWrite): string {
  const file = path.join(prepareOutDir(outDir), name);
  try {
    write(file, text);
  } catch (error) {
    throw new ApiError('write-failed', `Could not write ${file}: ${describeIoError(error)}. Nothing was written.`);
  }
  return file;
}
