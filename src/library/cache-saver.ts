import { ioFailure, isIoError } from '../storage/io-errors';

/**
 * How long after a change the cache is saved: a burst of imports saves once, after their papers
 * are indexed. Saved two seconds after, at 100,000 papers, it ran beside the indexing of a
 * 10,000-paper import and searches meanwhile waited longer (p95 95 → 307 ms, BENCHMARKS.md).
 */
export const SAVE_DELAY = 30_000;

/**
 * When the corpus cache (corpus-cache.ts) is saved: SAVE_DELAY after the last change, again if
 * the corpus changed while it was being saved, never while a digest is half added, and at close.
 * A failure is said once; the next change tries again.
 */
export class CacheSaver {
  #changes = 0;
  #saved = 0;
  #timer: NodeJS.Timeout | undefined;
  #saving: Promise<void> | undefined;
  #failed = false;
  #closed = false;

  /**
   * `save` writes the corpus as it is, unless `current` says, once it is written, that the corpus
   * changed meanwhile; `busy` is true while a digest is being added.
   */
  constructor(
    private readonly save: (current: () => boolean) => Promise<void>,
    private readonly busy: () => boolean,
  ) {}

  /** The corpus changed: a save is due. */
  changed(): void {
    this.#changes++;
    this.#schedule();
  }

  /** Saves what changed since the last save, then no more. `canSave` is false when the library's folder is gone. */
  async close(canSave: boolean): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#saving;
    if (this.#changes !== this.#saved && canSave) await this.#save();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (!this.#closed) this.#timer = setTimeout(() => void this.#save(), SAVE_DELAY).unref();
  }

  #save(): Promise<void> {
    this.#saving ??= this.#saveNow().finally(() => {
      this.#saving = undefined;
      // Changed while it was saved: save again (not after a failure, which would only fail again).
      if (this.#changes !== this.#saved && !this.#failed) this.#schedule();
    });
    return this.#saving;
  }

  async #saveNow(): Promise<void> {
    const changes = this.#changes;
    if (changes === this.#saved || this.busy()) return; // the import's end is a change, and saves
    this.#failed = false;
    try {
      await this.save(() => this.#changes === changes && !this.busy());
      if (this.#changes === changes) this.#saved = changes;
    } catch (error) {
      // The cache only speeds starts up: without it the next start replays the digests.
      this.#failed = true;
      const what = 'the cache of your papers could not be saved (the next start reads your digests instead, more slowly)';
      console.error(`Digest Reader: ${isIoError(error) ? ioFailure(error, what) : `${what}: ${(error as Error).message}`}`);
    }
  }
}
