import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { DigestError } from '../../../src/digest/errors';
import { parseHere } from '../../../src/digest/parse-off-thread';
import { Library } from '../../../src/library/library';
import { syntheticDigestText, syntheticPapers } from '../../../scripts/bench/synthetic-library';
import { SAMPLE, tempDir } from '../../helpers';

/** About 3.5 MB: read in a thread of its own, and indexed in the background. */
const PAPERS = 3000;
const LARGE = syntheticDigestText(PAPERS, 77);
const LAST = syntheticPapers(PAPERS, 77).at(-1)!.title;

async function library() {
  const events = new EventBus();
  const lib = new Library(tempDir(), events);
  await lib.ready;
  await lib.import({ name: 'Sample', text: SAMPLE, source: 'paste' });
  return { lib, events };
}

describe('a large import', () => {
  it('lets a search typed meanwhile answer first, then tells the page once its papers are found', async () => {
    const { lib, events } = await library();
    try {
      const indexed = new Promise<void>((resolve) => events.on('library.changed', ({ reason }) => reason === 'index' && resolve()));
      let imported = false;
      const importing = lib.import({ name: 'Large', text: LARGE, source: 'paste' }).finally(() => (imported = true));
      const found = await lib.query({ q: 'speculative decoding', limit: 5 });
      expect(imported).toBe(false);
      expect(found.items.length).toBeGreaterThan(0);
      expect((await importing).added).toBe(PAPERS);
      // Searches answered while the index took the papers in the background; now they are found.
      await indexed;
      expect((await lib.query({ q: LAST, limit: 1 })).items[0].title).toBe(LAST);
    } finally {
      await lib.close();
    }
  });

  it('that is not a digest fails as a small one does, and changes nothing', async () => {
    const { lib } = await library();
    try {
      const text = `<?xml version="1.0"?>\n<rss><channel>${'<item><title>x</title>'.repeat(20_000)}`;
      const expected = (() => {
        try {
          parseHere(text);
        } catch (error) {
          return error as DigestError;
        }
      })();
      expect(expected).toBeInstanceOf(DigestError);
      const error = await lib.import({ name: 'Broken', text, source: 'paste' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DigestError);
      expect(error).toMatchObject({ code: expected!.code, message: expected!.message });
      expect(lib.digests()).toHaveLength(1);
    } finally {
      await lib.close();
    }
  });

  it('made twice at once keeps each paper once: imports take turns', async () => {
    const { lib } = await library();
    try {
      const reordered = LARGE.split('\n\n').reverse().join('\n\n');
      const [first, second] = await Promise.all([
        lib.import({ name: 'Large', text: LARGE, source: 'paste' }),
        lib.import({ name: 'Large again', text: reordered, source: 'paste' }),
      ]);
      expect(first.added).toBe(PAPERS);
      expect(second.added).toBe(0);
      expect(lib.corpus.paperCount).toBe(PAPERS + 119);
    } finally {
      await lib.close();
    }
  });

  it('keeps the lists and filters asked for meanwhile whole: every paper once, the new digest searchable within', async () => {
    const { lib } = await library();
    try {
      let done = false;
      const importing = lib.import({ name: 'Large', text: LARGE, source: 'paste' }).finally(() => (done = true));
      // Lists and a filtered search made while the papers come in hold some of them already.
      while (!done) {
        await lib.query({ sort: 'title', limit: 1 });
        await lib.query({ q: 'model', digestId: lib.digests()[0].id, limit: 1 });
      }
      await importing;
      expect((await lib.query({ sort: 'title', limit: 1 })).total).toBe(PAPERS + 119);
      expect((await lib.query({ sort: 'date', limit: 1 })).total).toBe(PAPERS + 119);
      await lib.index.settled();
      const large = lib.digests().find((d) => d.name === 'Large')!;
      expect((await lib.query({ q: LAST, digestId: large.id, limit: 1 })).items[0].title).toBe(LAST);
    } finally {
      await lib.close();
    }
  });
});
