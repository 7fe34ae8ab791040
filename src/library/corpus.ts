import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DigestEntry } from '../digest/types';
import { moveAside, readJson, writeFileAtomic } from '../storage/files';
import type { StoreWarning } from '../storage/user-store';
import { IdentityIndex, resolveEntries } from './identity-index';
import { parseDigestFile } from './digest-file';
import { mergeInto, paperFrom } from './merge';
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
  readonly #papers = new Map<string, Paper>();
  readonly #identity = new IdentityIndex(
    (id) => this.#papers.get(id),
    () => this.#papers.values(),
  );

  constructor(dataDir: string) {
    this.#dir = path.join(dataDir, 'digests');
    fs.mkdirSync(this.#dir, { recursive: true });
    const files = fs.readdirSync(this.#dir).filter((f) => f.endsWith('.json'));
    const loaded: DigestFile[] = [];
    for (const name of files) {
      const file = path.join(this.#dir, name);
      try {
        loaded.push(parseDigestFile(readJson<unknown>(file)));
      } catch {
        const aside = moveAside(file);
        this.warnings.push({
          code: 'digest-corrupt',
          message: `An imported digest file could not be read and was kept aside as ${path.basename(aside)}; its papers are missing until it is restored.`,
        });
      }
    }
    loaded.sort((a, b) => a.digest.importedAt.localeCompare(b.digest.importedAt) || a.digest.id.localeCompare(b.digest.id));
    for (const data of loaded) this.#add(data);
  }

  get digests(): Digest[] {
    return [...this.#digests.values()];
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

  findByContent(contentHash: string): Digest | undefined {
    return this.digests.find((d) => d.contentHash === contentHash);
  }

  /** The paper with this arXiv id (base id, no version), if the library has it. */
  byArxiv(arxivId: string): Paper | undefined {
    const id = this.#identity.byArxiv(arxivId);
    return id === undefined ? undefined : this.#papers.get(id);
  }

  /** A stamp of what the corpus holds, so a persisted index can tell whether it is stale. */
  get stamp(): string {
    return this.digests
      .map((d) => d.id)
      .sort()
      .join(',');
  }

  /** Resolves entries to the papers they are (merge.ts), without changing anything. */
  resolve(entries: DigestEntry[]): StoredEntry[] {
    return resolveEntries(entries, this.#identity);
  }

  /** Writes the digest (atomically) and only then adds it; a failed write changes nothing. */
  addDigest(digest: Omit<Digest, 'id'>, entries: StoredEntry[]): Added {
    const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const data: DigestFile = { version: 2, digest: { ...digest, id }, entries };
    writeFileAtomic(path.join(this.#dir, `${id}.json`), JSON.stringify(data));
    return { digest: data.digest, ...this.#add(data) };
  }

  #add(data: DigestFile): Omit<Added, 'digest'> {
    this.#digests.set(data.digest.id, data.digest);
    const added: Paper[] = [];
    const changed = new Set<Paper>();
    const revised = new Set<Paper>();
    data.entries.forEach((entry, i) => {
      const appearance = { digestId: data.digest.id, position: i + 1 };
      for (const [n, id] of [entry.id, ...(entry.also ?? [])].entries()) {
        let paper = this.#papers.get(id);
        if (!paper) {
          paper = paperFrom(id, entry, data.digest.importedAt);
          this.#papers.set(id, paper);
          added.push(paper);
        } else if (n === 0) {
          // An entry recorded on several papers (no ids, matching text) tells none of them more.
          const rev = paper.rev;
          if (mergeInto(paper, entry, data.digest.importedAt).textChanged) revised.add(paper);
          if (paper.rev !== rev) changed.add(paper);
        }
        if (!paper.appearances.some((a) => a.digestId === appearance.digestId)) paper.appearances.push(appearance);
        this.#identity.note(paper);
      }
    });
    const fresh = new Set(added);
    return { newPapers: added, changedPapers: [...changed].filter((p) => !fresh.has(p)), revisedPapers: [...revised].filter((p) => !fresh.has(p)) };
  }
}
