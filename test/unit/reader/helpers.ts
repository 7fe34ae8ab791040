import { EventBus } from '../../../src/api/events';
import { Library } from '../../../src/library/library';
import type { DataContext } from '../../../src/shared/context';
import { Tombstones } from '../../../src/shared/tombstones';
import { UserStore } from '../../../src/storage/user-store';
import { SAMPLE, tempDir } from '../../helpers';

/** A library holding the sample, with the reader's data wired as in the core. */
export async function readerContext(dir = tempDir()) {
  const events = new EventBus();
  const store = new UserStore(dir);
  const library = new Library(dir, events, () => store.data);
  if (library.corpus.paperCount === 0) await library.import({ name: 'Sample', text: SAMPLE, source: 'file' });
  await library.ready;
  const ctx: DataContext = {
    store,
    corpus: library.corpus,
    events,
    reindex: (ids) => library.reindex(ids),
    now: () => new Date().toISOString(),
    tombstones: new Tombstones(),
  };
  const ids = [...library.corpus.papers].map((p) => p.id);
  return { dir, store, library, ctx, ids };
}
