import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { moveAside, readJson, writeFileAtomic } from '../storage/files';
import type { StoreWarning } from '../storage/user-store';
import type { Digest, DigestFile, Paper } from './types';

/**
 * The paper corpus: one immutable file per imported digest, kept apart from the reader's data so
 * that an import writes one new file and a note never rewrites the corpus. Papers are derived at
 * load by joining the digests' entries on their identity.
 */
export class Corpus {
  readonly warnings: StoreWarning[] = [];
  readonly #dir: string;
  readonly #digests = new Map<string, Digest>();
  readonly #papers = new Map<string, Paper>();

  constructor(dataDir: string) {
    this.#dir = path.join(dataDir, 'digests');
    fs.mkdirSync(this.#dir, { recursive: true });
    const files = fs.readdirSync(this.#dir).filter((f) => f.endsWith('.json'));
    const loaded: DigestFile[] = [];
    for (const name of files) {
      const file = path.join(this.#dir, name);
      try {
        const data = readJson<DigestFile>(file);
        if (data?.version !== 1 || !data.digest?.id || !Array.isArray(data.entries)) throw new Error('not a digest file');
        loaded.push(data);
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

  /** A stamp of what the corpus holds, so a persisted index can tell whether it is stale. */
  get stamp(): string {
    return this.digests
      .map((d) => d.id)
      .sort()
      .join(',');
  }

  /** Writes the digest (atomically) and only then adds it; a failed write changes nothing. */
  addDigest(digest: Omit<DigestFile['digest'], 'id'>, entries: DigestFile['entries']): { digest: Digest; newPapers: Paper[] } {
    const id = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const data: DigestFile = { version: 1, digest: { ...digest, id }, entries };
    writeFileAtomic(path.join(this.#dir, `${id}.json`), JSON.stringify(data));
    return { digest: data.digest, newPapers: this.#add(data) };
  }

  #add(data: DigestFile): Paper[] {
    this.#digests.set(data.digest.id, data.digest);
    const added: Paper[] = [];
    data.entries.forEach((entry, i) => {
      const appearance = { digestId: data.digest.id, position: i + 1 };
      const known = this.#papers.get(entry.id);
      if (known) known.appearances.push(appearance);
      else {
        const paper = { id: entry.id, title: entry.title, abstract: entry.abstract, appearances: [appearance] };
        this.#papers.set(entry.id, paper);
        added.push(paper);
      }
    });
    return added;
  }
}
