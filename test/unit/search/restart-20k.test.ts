/**
 * A library of 20,000 papers: a restart loads the saved index (it is never rebuilt) and the corpus
 * from its cache (the digests are not replayed), and answers.
 * The time it takes is the bench's business (npm run bench); this holds the behaviour.
 */
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src/api/events';
import { Library } from '../../../src/library/library';
import { syntheticPapers, writeSyntheticLibrary } from '../../../scripts/bench/synthetic-library';
import { rareNames } from '../../../scripts/bench/workload';
import { tempDir } from '../../helpers';

const PAPERS = 20_000;

describe(`a library of ${PAPERS.toLocaleString('en')} papers`, () => {
  it('is indexed once; a restart loads the index and the corpus cache, and answers', async () => {
    const dir = tempDir();
    writeSyntheticLibrary(dir, PAPERS);
    const first = new Library(dir, new EventBus());
    await first.ready;
    expect(first.index).toMatchObject({ source: 'built', size: PAPERS });
    expect(first.corpus.loadedFrom).toBe('digests');
    await first.close();

    const again = new Library(dir, new EventBus());
    await again.ready;
    expect(again.index).toMatchObject({ source: 'loaded', size: PAPERS });
    expect(again.corpus.loadedFrom).toBe('cache');
    const title = syntheticPapers(12_345).at(-1)!.title;
    expect((await again.query({ q: title, limit: 1 })).items[0].title).toBe(title);
    const rare = rareNames()[0];
    expect((await again.query({ q: rare, limit: 1 })).items[0].snippet.text.toLowerCase()).toContain(rare);
    await again.close();
  }, 180_000);
});
