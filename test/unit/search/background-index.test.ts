import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchIndex, type SearchDoc } from '../../../src/search/search-index';
import { syntheticPapers } from '../../../scripts/bench/synthetic-library';
import { tempDir } from '../../helpers';

/** 2,000 papers; the 500th (in the fifth message the worker gets) alone says "wombatology". */
const docs: SearchDoc[] = syntheticPapers(2000, 5).map((p, i) => ({ id: `p${i}`, ...p, abstract: i === 499 ? `${p.abstract} Wombatology.` : p.abstract }));

async function openIndex() {
  const index = new SearchIndex(path.join(tempDir(), 'search-index.bin'));
  await index.open({ ids: () => [], doc: () => undefined, stamp: () => '', readerIds: () => [] });
  return index;
}

describe('the index worker', () => {
  it('answers searches made at once, watched for or not, each with its own papers and their ids sent once', async () => {
    const index = await openIndex();
    try {
      await index.add(docs.slice(0, 500));
      const ids = async (q: string) => (await index.search(q)).hits.map((h) => h.id);
      const alone = { model: await ids('model'), language: await ids('language model'), data: await ids('data') };
      const again = await openIndex(); // another index: its first ids are all new to this side
      await again.add(docs.slice(0, 500));
      try {
        // A search awaited alone (watched for), then others and a "more like this" while it is pending.
        const searches = [again.search('data'), again.similar(['model', 'language'], 'p1', 5), again.search('language model'), again.search('model')];
        const [data, , language, model] = await Promise.all(searches);
        expect([data, language, model].map((f) => (f as Awaited<ReturnType<typeof again.search>>).hits.map((h) => h.id))).toEqual([
          alone.data,
          alone.language,
          alone.model,
        ]);
        expect(alone.model.length).toBeGreaterThan(10);
      } finally {
        await again.close();
      }
    } finally {
      await index.close();
    }
  });

  it('answers a search before the papers of a background import it is indexing', async () => {
    const index = await openIndex();
    try {
      let done = false;
      const adding = index.add(docs, true).then(() => (done = true));
      const during = await index.search('wombatology');
      // The search went ahead of the import: the worker had indexed a slice of its first message.
      expect(done).toBe(false);
      expect(during.hits.map((h) => h.id)).not.toContain('p499');
      await adding;
      expect((await index.search('wombatology')).hits.map((h) => h.id)).toEqual(['p499']);
      expect(index.size).toBe(2000);
    } finally {
      await index.close();
    }
  });

  it('lets a paper the reader changes meanwhile go ahead, and keeps the change over the import’s older copy', async () => {
    const index = await openIndex();
    try {
      const adding = index.add(docs, true);
      // p400 is in a message the worker has or is about to have, p1999 in one the core has not sent yet.
      void index.add([
        { ...docs[400], notes: 'kangaroo' },
        { ...docs[1999], notes: 'kangaroo' },
      ]);
      expect((await index.search('kangaroo')).hits.map((h) => h.id).toSorted()).toEqual(['p1999', 'p400']);
      await adding;
      expect((await index.search('kangaroo')).hits.map((h) => h.id).toSorted()).toEqual(['p1999', 'p400']);
      expect(index.size).toBe(2000);
    } finally {
      await index.close();
    }
  });

  it('never marks the index as holding the library when an import’s papers could not all be sent', async () => {
    const file = path.join(tempDir(), 'search-index.bin');
    const index = new SearchIndex(file);
    await index.open({ ids: () => [], doc: () => undefined, stamp: () => '', readerIds: () => [] });
    // The second half's documents cannot be made (their abstracts unreadable, say).
    const batch = {
      size: docs.length,
      docs: (from: number, to: number) => {
        if (from >= 1000) throw new Error('the file of abstracts ends early');
        return docs.slice(from, to);
      },
    };
    await index.add(batch, true);
    index.mark('after the import');
    await index.settled();
    expect(index.size).toBe(1000);
    await index.close();
    // The next start checks paper by paper, finds the other thousand missing, and indexes them.
    const again = new SearchIndex(file);
    try {
      await again.open({ ids: () => docs.map((d) => d.id), doc: (id) => docs[Number(id.slice(1))], stamp: () => 'after the import', readerIds: () => [] });
      expect(again.checkedBy).toBe('papers');
      expect(again.size).toBe(2000);
    } finally {
      await again.close();
    }
  });

  it('keeps order otherwise: a search made after a change sees it', async () => {
    const index = await openIndex();
    try {
      void index.add(docs);
      expect((await index.search('wombatology')).hits.map((h) => h.id)).toEqual(['p499']);
    } finally {
      await index.close();
    }
  });
});
