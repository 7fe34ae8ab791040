import { describe, expect, it, vi } from 'vitest';
import { DigestParser, parseHere } from '../../../src/digest/parse-off-thread';
import { syntheticDigestText } from '../../../scripts/bench/synthetic-library';

/** About 300 KB: large enough to be read in the parser's thread. */
const LARGE = syntheticDigestText(250, 5);

describe('the digest parser thread', () => {
  it('reads a large digest as this thread would, keeps the thread while digests follow, and ends it once idle', async () => {
    const parser = new DigestParser(200);
    try {
      expect(LARGE.length).toBeGreaterThan(256 * 1024);
      const first = await parser.parse(LARGE);
      expect(first).toEqual(parseHere(LARGE));
      expect(parser.running).toBe(true);
      await parser.parse(LARGE); // the next file, soon after: the same thread
      expect(parser.running).toBe(true);
      await vi.waitFor(() => expect(parser.running).toBe(false), { timeout: 5000, interval: 20 });
      // Another large digest later starts a thread again.
      expect((await parser.parse(LARGE)).parsed.entries.length).toBe(first.parsed.entries.length);
      expect(parser.running).toBe(true);
    } finally {
      await parser.close();
    }
    expect(parser.running).toBe(false);
  });
});
