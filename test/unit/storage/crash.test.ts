import { describe, expect, it } from 'vitest';
import { newAcked, runAndKill, verify } from '../../../scripts/crash/harness';
import { SAMPLE_PATH, tempDir } from '../../helpers';

// A few kills here (npm run soak does many more): each start of the writer costs seconds on a busy machine.
const KILLS = [37, 180, 9];

describe('crash safety', () => {
  it(`keeps every acknowledged note save and import across ${KILLS.length} SIGKILLs of the core, and leaves no temp file`, async () => {
    const dir = tempDir('dr-crash-');
    const acked = newAcked();
    for (const [i, writes] of KILLS.entries()) {
      await runAndKill(dir, SAMPLE_PATH, writes, String(i), acked);
      expect(await verify(dir, acked)).toEqual([]);
    }
    expect(acked.count).toBeGreaterThanOrEqual(KILLS.reduce((a, b) => a + b)); // lines already in the pipe when the kill landed count too
    expect(acked.digests.size).toBeGreaterThan(0);
  }, 60_000);
});
