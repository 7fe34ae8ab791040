import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../../src/storage/files';
import { tempDir } from '../../helpers';

/** A disk that fills up during the write: the data reaches the temp file, then ENOSPC. */
let diskFull = false;
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const writeFileSync: typeof real.writeFileSync = (file, data, options) => {
    if (diskFull && typeof file === 'number') {
      real.writeSync(file, 'half a fi');
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    return real.writeFileSync(file, data, options);
  };
  return { ...real, writeFileSync, default: { ...real, writeFileSync } };
});

describe('writeFileAtomic on a full disk', () => {
  it('throws and leaves neither the file nor a partial temp file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'paper.md');
    diskFull = true;
    try {
      expect(() => writeFileAtomic(file, 'the whole file')).toThrow(/ENOSPC/);
    } finally {
      diskFull = false;
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('keeps the previous version of a file it could not replace', () => {
    const dir = tempDir();
    const file = path.join(dir, 'paper.md');
    writeFileAtomic(file, 'version 1');
    diskFull = true;
    try {
      expect(() => writeFileAtomic(file, 'version 2')).toThrow(/ENOSPC/);
    } finally {
      diskFull = false;
    }
    expect(fs.readdirSync(dir)).toEqual(['paper.md']);
    expect(fs.readFileSync(file, 'utf8')).toBe('version 1');
  });
});
