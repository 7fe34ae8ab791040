import { describe, expect, it, vi } from 'vitest';
import { DigestParser, parseHere } from '../../../src/digest/parse-off-thread';
import { endWorker, startWorker } from '../../../src/shared/worker';
import { syntheticDigestText } from '../../../scripts/bench/synthetic-library';

// The real threads, counted.
vi.mock('../../../src/shared/worker', async (actual) => {
  const real = await actual<typeof import('../../../src/shared/worker')>();
  return { startWorker: vi.fn(real.startWorker), endWorker: vi.fn(real.endWorker) };
});

/** About 300 KB: large enough to be read in the parser's thread. */
const LARGE = syntheticDigestText(250, 5);

describe('the digest parser thread', () => {
  it('reads a large digest as this thread would, keeps the thread while digests follow, and ends it once idle', async () => {
    const parser = new DigestParser(200);
    try {
      expect(LARGE.length).toBeGreaterThan(256 * 1024);
      const first = await parser.parse(LARGE);
      expect(first).toEqual(parseHere(LARGE));
      await parser.parse(LARGE); // the next file, soon after: the same thread
      expect(startWorker).toHaveBeenCalledTimes(1);
      expect(parser.running).toBe(true);
      await vi.waitFor(() => expect(endWorker).toHaveBeenCalledTimes(1), { timeout: 5000, interval: 20 });
      expect(parser.running).toBe(false);
      // Another large digest later starts a thread again.
      expect((await parser.parse(LARGE)).parsed.entries.length).toBe(first.parsed.entries.length);
      expect(startWorker).toHaveBeenCalledTimes(2);
    } finally {
      await parser.close();
    }
    expect(parser.running).toBe(false);
  });
});
