import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCore } from '../../../src/core';
import { Library } from '../../../src/library/library';
import { tempDir } from '../../helpers';

afterEach(() => vi.restoreAllMocks());

describe('closing the core', () => {
  it("folds and backs up the reader's data even when the library fails to close, and says why it failed", async () => {
    const dataDir = tempDir();
    const core = await openCore({ dataDir });
    core.store.update((d) => {
      d.notes.p1 = { text: 'kept', createdAt: '2026-11-30T00:00:00Z', updatedAt: '2026-11-30T00:00:00Z' };
    });
    // The library closes (its workers end), then fails as if its index could not be saved.
    const close = Library.prototype.close;
    vi.spyOn(Library.prototype, 'close').mockImplementation(async function (this: Library) {
      await close.call(this);
      throw new Error('the index worker is gone');
    });
    await expect(core.close()).rejects.toThrow('the index worker is gone');
    expect(fs.statSync(path.join(dataDir, 'userdata.journal'), { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'userdata.json'), 'utf8')).notes.p1.text).toBe('kept');
    const backups = fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.json') && !f.endsWith('.meta.json'));
    expect(backups.some((f) => fs.readFileSync(path.join(dataDir, 'backups', f), 'utf8').includes('"kept"'))).toBe(true);
  });
});
