import { setImmediate as breathe } from 'node:timers/promises';
import { signature, type Hit, type SearchDoc } from './engine';
import { ReceivedIds, type FoundPapers, type IndexAnswers, type WorkerOptions } from './index-protocol';
import { IndexThread } from './index-thread';

export { INDEX_VERSION, RANKED, type Found, type Hit, type Ranked, type SearchDoc } from './engine';
export type { FoundHit, FoundPapers } from './index-protocol';

/** The library's papers as the index sees them. */
export interface DocSource {
  ids(): string[];
  doc(id: string): SearchDoc | undefined;
  /** What papers the library holds, in a word: it changes whenever a digest comes in. */
  stamp(): string;
  /** The papers with the reader's tags or notes (a superset will do). */
  readerIds(): string[];
}

/** Papers to index, their documents made a chunk at a time, as they are sent (see `add`). */
export interface DocBatch {
  size: number;
  docs(from: number, to: number): SearchDoc[];
}

/** A filter for `search`: its ids are computed and sent only when the key changes. */
export interface Within {
  key: string;
  ids(): Iterable<string>;
}

/**
 * Papers sent to the worker per message. Few: a chunk's documents are alive while it is made, and a
 * young-generation collection then promotes them all. At 500, collections fell in step with the
 * chunks, each while one was made, and a first build's main heap grew by 120 MB at 100,000 papers
 * (0.9 GB at 1,000,000) before the old generation was collected; 100 is a fifth of that at worst.
 */
const CHUNK = 100;
/** Signatures computed per turn of the event loop while opening. */
const SIGNATURE_CHUNK = 10_000;

/**
 * The core's handle on the search index, which lives in a worker thread (index-worker.ts).
 * Searches are asynchronous; changes (`add`, `update`) are sent and applied in order, so a
 * search made after a change sees it.
 */
export class SearchIndex<T extends { readonly id: string } = { readonly id: string }> {
  /** How this index came to be: loaded from its snapshot (and brought up to date) or built. */
  source: 'loading' | 'loaded' | 'built' = 'loading';
  /** A snapshot that could not be read, moved aside (its new name) and rebuilt. */
  setAside: { file: string; why: string } | undefined;
  /** Papers in the index, as last reported by the worker. */
  size = 0;
  /** How the loaded index was checked against the library: by its stamp, or paper by paper. */
  checkedBy: 'stamp' | 'papers' | undefined;
  /** While opening: papers indexed out of the library's. */
  progress = { done: 0, total: 0 };
  ready = false;
  readonly #thread: IndexThread;
  readonly #received: ReceivedIds<T>;
  readonly #loaded: Promise<IndexAnswers['load']>;
  #withinKey: string | undefined;
  /** Resolves when `open` is done (or failed): marks wait for it (see `mark`). */
  readonly #opened: Promise<void>;
  #openDone: () => void = () => {};
  /** Imports' papers being sent, one import after another. */
  #sending: Promise<unknown> = Promise.resolve();
  /** The marks, one after another, each after the papers sent before it and after `open`. */
  #marking: Promise<unknown> = Promise.resolve();
  /** For each background import still being sent: the papers changed in the foreground meanwhile. */
  readonly #changedDuringImports = new Set<Set<string>>();
  /** An import's papers were not all sent: the index is never marked as holding the library. */
  #incomplete = false;
  #closed = false;
  #closing: Promise<void> | undefined;

  /**
   * Starts the worker, which loads the snapshot in `file` (if any); `open` waits for it. A search's
   * hits come with what `find` gives for their ids (the library's papers; by default, the ids).
   */
  constructor(file: string, options: WorkerOptions = {}, find = (id: string) => ({ id }) as T | undefined) {
    this.#received = new ReceivedIds(find);
    this.#thread = new IndexThread(import.meta.url, options);
    this.#loaded = this.#thread.call('load', { file });
    this.#opened = new Promise((resolve) => (this.#openDone = resolve));
  }

  /**
   * Brings the index in line with the library's papers and resolves when it can search: only
   * what the snapshot lacks, or has stale, is indexed — in chunks, so requests keep flowing.
   */
  async open(source: DocSource): Promise<void> {
    try {
      const { loaded, setAside, corpus } = await this.#loaded;
      this.setAside = setAside;
      const stamp = source.stamp();
      const needed = loaded && corpus === stamp ? await this.#readersChanged(source) : await this.#papersChanged(source, loaded);
      this.checkedBy = loaded && corpus === stamp ? 'stamp' : 'papers';
      // Two chunks out at a time: the worker indexes one while this thread makes the next.
      let indexing: Promise<void> | undefined;
      for (let i = 0; i < needed.length && !this.#closed; i += CHUNK) {
        const docs = needed.slice(i, i + CHUNK).flatMap((id) => source.doc(id) ?? []);
        const count = docs.length; // only the count is kept until the worker answers (see CHUNK)
        const sent = this.#thread.call('upsert', { docs }).then(({ size }) => {
          this.size = size;
          this.progress.done += count;
        });
        sent.catch(() => undefined); // awaited below, or left behind by an earlier chunk's failure
        await indexing;
        indexing = sent;
      }
      await indexing;
      // The index holds every paper of the library as of `stamp`: the next start may check less.
      if (!this.#closed) await this.#thread.call('mark', { corpus: stamp });
      this.size = (await this.#thread.call('ping', {})).size;
      this.source = loaded ? 'loaded' : 'built';
      this.ready = true;
    } catch (error) {
      if (!this.#closed) throw error; // closed while opening: not a failure
    } finally {
      this.#openDone();
    }
  }

  /**
   * Every paper's signature against the index's: what it lacks or has stale. With no index loaded
   * every paper is needed whatever its signature: none is worked out (a document built for each
   * of 100,000 papers, 0.3 s before the first build's first paper).
   */
  async #papersChanged(source: DocSource, loaded: boolean): Promise<string[]> {
    const ids = source.ids();
    const signatures: string[] = [];
    for (let i = 0; loaded && i < ids.length; i += SIGNATURE_CHUNK) {
      for (const id of ids.slice(i, i + SIGNATURE_CHUNK)) signatures.push(signature(source.doc(id)!));
      await breathe();
    }
    const { needed } = await this.#thread.call('reconcile', { ids, signatures });
    this.progress = { done: ids.length - needed.length, total: ids.length };
    return needed;
  }

  /** The index holds the library's papers already: only the reader's tags and notes may have changed. */
  async #readersChanged(source: DocSource): Promise<string[]> {
    // The reader's data may name papers the library no longer has (a digest set aside): those are left out.
    const docs = source.readerIds().flatMap((id) => source.doc(id) ?? []);
    const { needed } = await this.#thread.call('reconcileReaders', { ids: docs.map((d) => d.id), signatures: docs.map(signature) });
    this.progress = { done: 0, total: needed.length };
    return needed;
  }

  /**
   * Indexes new papers, or re-indexes changed ones (the reader's tags or notes). In the
   * `background` (a large import), searches go first and do not see these papers until the
   * promise resolves; otherwise a search made after this call sees them.
   */
  add(docs: SearchDoc[] | DocBatch, background = false): Promise<void> {
    if (this.#closed) return Promise.resolve(); // the next start brings the index up to date
    const batch = Array.isArray(docs) ? { size: docs.length, docs: (from: number, to: number) => docs.slice(from, to) } : docs;
    return this.#upsert(batch, background).then(
      (size) => {
        this.size = size;
      },
      (error: Error) => {
        if (!this.#closed) console.error(`[digest-reader] indexing failed: ${error.message}`);
      },
    );
  }

  /**
   * Sends papers to the worker; in the background, two chunks out at a time, each made as it is
   * sent. All sent at once, a 10,000-paper import's hundred messages were read by the worker
   * before a search typed as it ended (130-240 ms), and making them held this thread 50 ms.
   */
  async #upsert(batch: DocBatch, background: boolean): Promise<number> {
    if (!background) {
      const docs = batch.docs(0, batch.size);
      // A paper changed now is newer than an import's copy of it not sent yet (the worker drops those sent).
      for (const changed of this.#changedDuringImports) for (const d of docs) changed.add(d.id);
      return (await this.#thread.call('upsert', { docs })).size;
    }
    const changed = new Set<string>();
    this.#changedDuringImports.add(changed);
    const sending = this.#sending.then(async () => {
      const sent: Promise<IndexAnswers['upsert']>[] = [];
      try {
        for (let i = 0; i < batch.size && !this.#closed; i += CHUNK) {
          if (sent.length >= 2) await sent[sent.length - 2];
          else if (i > 0) await breathe();
          if (this.#closed || this.#thread.failure) break; // closed meanwhile: the next start indexes the rest
          const chunk = batch.docs(i, i + CHUNK).filter((d) => !changed.has(d.id));
          const answer = this.#thread.call('upsert', { docs: chunk, background, last: i + CHUNK >= batch.size });
          answer.catch(() => undefined); // awaited below, or left behind by an earlier chunk's failure
          sent.push(answer);
        }
      } finally {
        this.#changedDuringImports.delete(changed);
      }
      return sent;
    });
    // Papers not sent (their documents could not be made): the index is not marked whole this session.
    this.#sending = sending.catch(() => {
      this.#incomplete = true;
    });
    const answers = await Promise.all(await sending);
    return answers.at(-1)?.size ?? this.size;
  }

  /**
   * Tells the index it holds every paper of the library as of `stamp`, once the papers added so
   * far are sent and the index is open: a mark made while a large library is still being indexed
   * would otherwise be saved over an index that lacks papers, and the next start would trust it.
   */
  mark(stamp: string): void {
    const after = Promise.all([this.#sending, this.#opened, this.#marking]);
    this.#marking = after.then(() => {
      if (!this.#closed && !this.#incomplete) this.#thread.call('mark', { corpus: stamp }).catch(() => undefined);
    });
  }

  /** Re-indexes one paper; cheap at any library size. */
  update(doc: SearchDoc): void {
    void this.add([doc]);
  }

  /**
   * The best `limit` papers for `query` (by default as many as the engine ranks: RANKED).
   * `meanwhile`: work done while the worker searches, if the answer is watched for (index-thread.ts `quick`).
   */
  search(query: string, within?: Within, limit?: number, meanwhile?: (waiting: () => boolean) => void): Promise<FoundPapers<T>> {
    const filter = within && (within.key === this.#withinKey ? { key: within.key } : { key: within.key, ids: [...within.ids()] });
    if (within) this.#withinKey = within.key;
    // Unpacked as each answer comes, in the order they come: the ids each one sends assume those before.
    const args = { query, within: filter, limit, numbering: this.#received.numbering };
    return this.#thread.quick('search', args, (packed) => this.#received.unpack(packed), meanwhile);
  }

  /** Papers like `paperId`, from its distinctive `terms` (see related.ts). */
  similar(terms: string[], paperId: string, limit: number): Promise<Hit[]> {
    return this.#thread.call('similar', { terms, paperId, limit });
  }

  /** The number of papers, and each term's document frequency (title and abstract), for TF-IDF. */
  frequencies(terms: string[]): Promise<IndexAnswers['frequencies']> {
    return this.#thread.call('frequencies', { terms });
  }

  /** Resolves once every change sent so far is applied. */
  async settled(): Promise<void> {
    await this.#sending; // an import's papers still being sent are changes made so far too
    this.size = (await this.#thread.call('ping', {})).size;
  }

  /**
   * Saves the index if it changed, and stops the worker. While it is still opening (a large
   * library's first build), no more papers are sent and what is indexed so far is saved: quitting
   * never waits for a build, and the next start goes on from there.
   */
  close(): Promise<void> {
    // Asked twice (a signal can arrive twice), both wait for the one closing.
    this.#closing ??= (async () => {
      this.#closed = true;
      await this.#thread.close();
    })();
    return this.#closing;
  }
}
