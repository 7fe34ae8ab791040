import { setImmediate as tick } from 'node:timers/promises';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../src/shared/collect-garbage';

describe('collectGarbage', () => {
  it('frees what nothing holds, at once, in a process started without --expose-gc', async () => {
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    const ref = new WeakRef({ index: new Array(1000).fill(0) });
    await tick(); // a WeakRef's target lives to the end of the turn that made it
    collectGarbage();
    await tick();
    expect(ref.deref()).toBeUndefined();
    // The flag was for that one call: neither this context nor any made later has `gc`.
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
