import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DigestEntry } from '../digest/types';
import { writeFileAtomic, writeFileAtomicAsync } from '../storage/files';
import type { StoreWarning } from '../storage/store-messages';
import { IdentityIndex, resolveEntries, resolveEntriesInSlices, SLICE } from './identity-index';
import { CacheSaver } from './cache-saver';
import { CorpusCache } from './corpus-cache';
import { mergeInto, paperFrom } from './merge';
import type { CorpusPaper, StoredPaper } from './stored-paper';
import { digestsInOrder } from './replay';
import type { Digest, DigestFile, Paper, StoredEntry } from './types';

/** What adding a digest did to the papers: new ones, and known ones whose indexed text changed. */
export interface Added {
  digest: Digest;
  newPapers: Paper[];
  /** Known papers whose title, abstract or authors changed (a newer arXiv version, authors learnt). */
  changedPapers: Paper[];
  /** Known papers whose title and abstract were replaced by a newer version. */
  revisedPapers: Paper[];
}

/**
 * The paper corpus: one immutable file per imported digest, kept apart from the reader's data so
 * that an import writes one new file and a note never rewrites the corpus. Papers are derived at
 * load by replaying the digests' entries, each already resolved to its paper at import.
 */
export class Corpus {
  readonly warnings: StoreWarning[] = [];
  readonly #dir: string;
  readonly #digests = new Map<string, Digest>();
  readonly #papers = new Map<string, CorpusPaper>();
  readonly #cache: CorpusCache;
  readonly #saver = new CacheSaver(
    (current) => this.#cache.save(this.#records(), [...this.#papers.values()], current),
    () => this.#adding !== undefined,
  );
  /** Where this start took the papers from: the cache (corpus-cache.ts), or the digest files replayed. */
  readonly loadedFrom: 'cache' | 'digests';
  /** The digest being added a slice at a time, if any. */
  #adding: string | undefined;
  readonly #identity = new IdentityIndex(
    (id) => this.#papers.get(id),
    () => this.#papers.values(),
  );

  constructor(dataDir: string) {
    this.#dir = path.join(dataDir, 'digests');
    fs.mkdirSync(this.#dir, { recursive: true });
    this.#cache = new CorpusCache(dataDir, this.#dir);
    const cached = this.#cache.load();
    if (cached) {
      for (const d of cached.digests) this.#digests.set(d.id, d);
      for (const p of cached.papers) {
        this.#papers.set(p.id, p);
        this.#identity.note(p);
      }
      this.loadedFrom = 'cache';
      return;
    }
    const abstracts = this.#cache.abstractsWriter();
    let replayed = 0;
    try {
      for (const data of digestsInOrder(this.#dir, (w) => this.warnings.push(w))) {
        this.#add(data);
        abstracts.write(this.#unsavedOf(data));
        replayed++;
      }
    } finally {
      abstracts.end();
    }
    this.loadedFrom = 'digests';
    if (replayed) this.#saver.changed();
  }

  /** The digests whose papers are all in (one being added a slice at a time is not, yet); not updates. */
  get digests(): Digest[] {
    return this.#records().filter((d) => !d.updates);
  }

  /** Digests and updates, as replayed. */
  #records(): Digest[] {
    return [...this.#digests.values()].filter((d) => d.id !== this.#adding);
  }

  /** Whether a digest is being added a slice at a time: its papers are coming in. */
  get importing(): boolean {
    return this.#adding !== undefined;
  }

  get papers(): IterableIterator<Paper> {
    return this.#papers.values();
  }

  get paperCount(): number {
    return this.#papers.size;
  }

  paper(id: string): Paper | undefined {
    return this.#papers.get(id);
  }

  digest(id: string): Digest | undefined {
    return this.#digests.get(id);
  }

  /** The digest this text was imported as, or the one it repeated (an update of its facts). */
  findByContent(contentHash: string): Digest | undefined {
    const found = this.#records().find((d) => d.contentHash === contentHash);
    const repeated = found?.updates?.repeats;
    return repeated ? (this.#digests.get(repeated) ?? found) : found;
  }

  /** The paper with this arXiv id (base id, no version), if the library has it. */
  byArxiv(arxivId: string): Paper | undefined {
    const id = this.#identity.byArxiv(arxivId);
    return id === undefined ? undefined : this.#papers.get(id);
  }

  /** A stamp of what the corpus holds, so a persisted index can tell whether it is stale. */
  get stamp(): string {
    return this.#records()
      .map((d) => d.id)
      .sort()
      .join(',');
  }

  /** Resolves entries to the papers they are (merge.ts), without changing anything. */
  resolve(entries: DigestEntry[]): StoredEntry[] {
    return resolveEntries(entries, this.#identity);
  }

  /** `resolve` a slice at a time, the thread answering requests between slices. */
  resolveInSlices(entries: DigestEntry[], pause: () => Promise<unknown>): Promise<StoredEntry[]> {
    return resolveEntriesInSlices(entries, this.#identity, pause);
  }

  /** Writes the digest (atomically) and only then adds it; a failed write changes nothing. */
  addDigest(digest: Omit<Digest, 'id'>, entries: StoredEntry[]): Added {
    const data = newDigestFile(digest, entries);
    writeFileAtomic(this.#file(data), JSON.stringify(data));
    this.#digests.set(data.digest.id, data.digest);
    const sum = new Sum();
    this.#addEntries(data, 0, entries.length, sum);
    this.#saver.changed();
    return { digest: data.digest, ...sum.result() };
  }

  /**
   * `addDigest` a slice at a time, for a large digest: the thread answers requests between
   * slices. Imports run one at a time (Library.import): nothing else adds papers meanwhile.
   */
  async addDigestInSlices(digest: Omit<Digest, 'id'>, entries: StoredEntry[], pause: () => Promise<unknown>): Promise<Added> {
    const data = newDigestFile(digest, entries);
    await writeFileAtomicAsync(this.#file(data), jsonInParts(data));
    // Known by id at once (the rows of its first papers name it), counted in `digests` and the
    // stamp once all its papers are in: what is cached by either is never half a digest.
    this.#digests.set(data.digest.id, data.digest);
    this.#adding = data.digest.id;
    this.#saver.changed();
    try {
      const sum = new Sum();
      for (let i = 0; i < entries.length; i += SLICE) {
        await pause();
        this.#addEntries(data, i, Math.min(entries.length, i + SLICE), sum);
      }
      // While the digest is being added: no save of the cache starts meanwhile (one that empties
      // the file of abstracts would leave the papers spilled here reading the wrong bytes).
      await this.#cache.spill(this.#unsavedOf(data));
      return { digest: data.digest, ...sum.result() };
    } finally {
      this.#adding = undefined;
      this.#saver.changed();
    }
  }

  /** Readies the identity lookups for an import without holding the thread. */
  prepareImport(pause: () => Promise<unknown>): Promise<void> {
    return this.#identity.prepare(pause);
  }

  /** The papers of a digest's entries whose abstract is not in the file of abstracts. */
  #unsavedOf(data: DigestFile): StoredPaper[] {
    const papers = new Set<StoredPaper>();
    for (const e of data.entries)
      for (const id of [e.id, ...(e.also ?? [])]) {
        const p = this.#papers.get(id);
        if (p?.unsaved !== undefined) papers.add(p);
      }
    return [...papers];
  }

  /** Saves what changed since the cache was saved and lets go of the file of abstracts. */
  async close(): Promise<void> {
    await this.#saver.close(fs.existsSync(this.#dir));
    this.#cache.close();
  }

  #file(data: DigestFile): string {
    return path.join(this.#dir, `${data.digest.id}.json`);
  }

  #add(data: DigestFile): void {
    this.#digests.set(data.digest.id, data.digest);
    this.#addEntries(data, 0, data.entries.length, new Sum());
  }

  /** Adds the papers of entries `from` to `to` (the digest itself is in already). */
  #addEntries(data: DigestFile, from: number, to: number, sum: Sum): void {
    if (data.digest.updates) return this.#update(data, from, to, sum);
    for (let i = from; i < to; i++) {
      const entry = data.entries[i];
      const appearance = { digestId: data.digest.id, position: i + 1 };
      for (const [n, id] of [entry.id, ...(entry.also ?? [])].entries()) {
        let paper = this.#papers.get(id);
        if (!paper) {
          paper = paperFrom(id, entry, data.digest.importedAt);
          this.#papers.set(id, paper);
          sum.added.push(paper);
        } else if (n === 0) {
          // An entry recorded on several papers (no ids, matching text) tells none of them more.
          const rev = paper.rev;
          if (mergeInto(paper, entry, data.digest.importedAt).textChanged) sum.revised.add(paper);
          if (paper.rev !== rev) sum.changed.add(paper);
        }
        if (!paper.appearances.some((a) => a.digestId === appearance.digestId)) paper.appearances.push(appearance);
        this.#identity.note(paper);
      }
    }
  }

  /** An update's entries: facts merged into the papers they name, which gain no appearance (and none is made). */
  #update(data: DigestFile, from: number, to: number, sum: Sum): void {
    for (const entry of data.entries.slice(from, to)) {
      const paper = this.#papers.get(entry.id);
      if (!paper) continue;
      const rev = paper.rev;
      mergeInto(paper, entry, data.digest.importedAt);
      if (paper.rev !== rev) sum.changed.add(paper);
      this.#identity.note(paper);
    }
  }
}

/** Papers a digest added, changed and revised, as its entries are added. */
class Sum {
  readonly added: Paper[] = [];
  readonly changed = new Set<Paper>();
  readonly revised = new Set<Paper>();

  result(): Omit<Added, 'digest'> {
    const fresh = new Set(this.added);
    return {
      newPapers: this.added,
      changedPapers: [...this.changed].filter((p) => !fresh.has(p)),
      revisedPapers: [...this.revised].filter((p) => !fresh.has(p)),
    };
  }
}

/** The same JSON as `JSON.stringify(data)`, a slice of entries per part, each made when asked for. */
function* jsonInParts(data: DigestFile): Generator<string> {
  yield `{"version":${data.version},"digest":${JSON.stringify(data.digest)},"entries":[`;
  for (let i = 0; i < data.entries.length; i += SLICE) {
    yield (
      (i > 0 ? ',' : '') +
      data.entries
        .slice(i, i + SLICE)
        .map((e) => JSON.stringify(e))
        .join(',')
    );
  }
  yield ']}';
}

function newDigestFile(digest: Omit<Digest, 'id'>, entries: StoredEntry[]): DigestFile {
  const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  return { version: 2, digest: { ...digest, id }, entries };
}
