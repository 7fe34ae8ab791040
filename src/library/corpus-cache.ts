import * as fs from 'node:fs';
import * as path from 'node:path';
import { eachLine, writeFileAtomicAsync } from '../storage/files';
import { isIoError } from '../storage/io-errors';
import { RULES_VERSION } from './merge';
import { AbstractFile } from './abstract-file';
import { StoredPaper, type CorpusPaper } from './stored-paper';
import type { Digest, Paper } from './types';

const CACHE_FILE = 'corpus-cache.json';
const ABSTRACTS_FILE = 'corpus-abstracts.bin';
/** Bump when the cache's shape changes; RULES_VERSION (merge.ts) when what a replay makes does. */
const CACHE_VERSION = 2; // 2: in lines
/** Papers written per part of the cache file: the thread answers requests between parts (some 5 ms each). */
const PART = 500;

/** What the cache held: the corpus as the digest files made it, its abstracts in `abstracts`. */
export interface Cached {
  digests: Digest[];
  papers: CorpusPaper[];
}

/**
 * The file's lines: a header, then parts of PART papers (each with where its abstracts are in the
 * file of abstracts: offset, bytes, offset, bytes…), then the stamp, written last. Read a line at a
 * time: one JSON.parse of the whole file (and the string it needs) took twice as long at 100,000
 * papers, most of it memory touched for the first time (BENCHMARKS.md, "The machine").
 */
interface Header {
  version: number;
  rules: number;
  abstractBytes: number;
  digests: Digest[];
}
interface Part {
  papers: Array<Omit<Paper, 'abstract'>>;
  places: number[];
}

/**
 * The corpus as replaying its digest files made it, saved so that a start reads one file of the
 * papers' facts instead of every digest, and leaves the abstracts on disk (stored-paper.ts). It is
 * derived data, like the search index: it is used only if it was made from exactly the digest files
 * there are now (names, sizes, times) by the same rules; otherwise, or if it cannot be read, the
 * corpus replays the digests as before and saves it again. Nothing is lost with it.
 */
export class CorpusCache {
  readonly abstracts: AbstractFile;
  readonly #file: string;
  readonly #digestDir: string;

  constructor(dataDir: string, digestDir: string) {
    this.#file = path.join(dataDir, CACHE_FILE);
    this.#digestDir = digestDir;
    this.abstracts = new AbstractFile(path.join(dataDir, ABSTRACTS_FILE));
  }

  /** The cached corpus, if it is there, readable and made from the digest files as they are. */
  load(): Cached | undefined {
    let header: Header | undefined;
    let stamp: string | undefined;
    const papers: CorpusPaper[] = [];
    try {
      eachLine(this.#file, (line) => {
        if (stamp !== undefined) throw new Error('a line after the stamp');
        const value = JSON.parse(line) as Header | Part | { stamp: string };
        if (!header) {
          header = value as Header;
          if (header.version !== CACHE_VERSION || header.rules !== RULES_VERSION || !Array.isArray(header.digests)) throw new Error('another cache');
        } else if ('stamp' in value) stamp = value.stamp;
        else {
          const { papers: facts, places } = value as Part;
          if (places.length !== facts.length * 2) throw new Error('a part without its places');
          facts.forEach((f, i) => papers.push(Object.assign(new StoredPaper(undefined, this.abstracts, places[2 * i], places[2 * i + 1]), f) as CorpusPaper));
        }
      });
    } catch {
      return undefined; // missing, cut short, damaged or made otherwise: the digests are replayed
    }
    if (!header || stamp !== this.stamp() || this.abstracts.size() < header.abstractBytes) return undefined;
    return { digests: header.digests, papers };
  }

  /**
   * Saves the corpus: appends the abstracts not in the file yet, then writes the facts. `current`
   * is asked after the last part is made: if the corpus changed meanwhile, nothing is written.
   */
  async save(digests: Digest[], papers: StoredPaper[], current: () => boolean): Promise<void> {
    // Started only while no digest is being added (CacheSaver's `busy`), so no import's `spill` runs
    // meanwhile, and `afresh` (every text pending) never empties a file a spill wrote to.
    const pending = papers.filter((p) => p.unsaved !== undefined);
    const texts = pending.map((p) => p.unsaved!);
    const placed = new Map<StoredPaper, [number, number]>();
    (await this.abstracts.append(texts, pending.length === papers.length)).forEach((place, i) => placed.set(pending[i], place));
    const abstractBytes = this.abstracts.size();
    const stamp = () => this.stamp();
    function* parts(): Generator<string> {
      yield `${JSON.stringify({ version: CACHE_VERSION, rules: RULES_VERSION, abstractBytes, digests } satisfies Header)}\n`;
      for (let i = 0; i < papers.length; i += PART) {
        const part = papers.slice(i, i + PART);
        const places = part.flatMap((p) => placed.get(p) ?? p.place ?? [0, 0]);
        yield `{"papers":[${part.map(facts).join(',')}],"places":[${places.join(',')}]}\n`;
      }
      if (!current()) throw new StaleCache();
      yield `${JSON.stringify({ stamp: stamp() })}\n`;
    }
    try {
      await writeFileAtomicAsync(this.#file, parts());
    } catch (error) {
      if (error instanceof StaleCache) return;
      throw error;
    }
    pending.forEach((p, i) => p.saved(this.abstracts, placed.get(p)!, texts[i]));
  }

  /**
   * Writes papers' abstracts to the file of abstracts at once, each paper reading its own from
   * there: an import's, which would otherwise stay in memory until the save (12 MB for 10,000
   * papers). A write that fails leaves them in memory, for the save to write (and to tell).
   */
  async spill(papers: StoredPaper[]): Promise<void> {
    if (papers.length === 0) return;
    const texts = papers.map((p) => p.unsaved!);
    try {
      (await this.abstracts.append(texts)).forEach((place, i) => papers[i].saved(this.abstracts, place, texts[i]));
    } catch (error) {
      if (!isIoError(error)) throw error;
    }
  }

  /**
   * For a corpus replayed from its digests: empties the file of abstracts and writes papers' texts
   * to it as each digest is added, each paper reading its own from there at once, so that the
   * texts die young instead of filling the heap until the save (110 MB at 100,000 papers). A write
   * that fails leaves the rest in memory, for the save to write (and to tell if it cannot).
   */
  abstractsWriter(): { write(papers: StoredPaper[]): void; end(): void } {
    /** The file being written, opened (emptied) at the first write; false once a write failed. */
    let file: ReturnType<AbstractFile['rewrite']> | false | undefined;
    const end = () => {
      try {
        if (file) file.end();
      } catch {
        // closing a file that failed: the save writes what is left
      }
      file = false;
    };
    return {
      write: (papers) => {
        if (file === false || papers.length === 0) return;
        const texts = papers.map((p) => p.unsaved!);
        try {
          if (file === undefined) {
            // The cache there names places in the file about to be emptied: it goes first, so a
            // start before the next save replays again instead of reading the wrong abstracts.
            fs.rmSync(this.#file, { force: true });
            file = this.abstracts.rewrite();
          }
          file.append(texts).forEach((place, i) => papers[i].saved(this.abstracts, place, texts[i]));
        } catch (error) {
          end();
          if (!isIoError(error)) throw error;
        }
      },
      end,
    };
  }

  /** The digest files as they are: a cache made from others is not this corpus. */
  stamp(): string {
    const names = fs.readdirSync(this.#digestDir).filter((f) => f.endsWith('.json'));
    return names
      .map((name) => {
        const stat = fs.statSync(path.join(this.#digestDir, name));
        return `${name}:${stat.size}:${Math.trunc(stat.mtimeMs)}`;
      })
      .sort()
      .join('|');
  }

  close(): void {
    this.abstracts.close();
  }
}

class StaleCache extends Error {}

/** A paper's own fields, without its abstract (which the file of abstracts holds). */
const facts = (p: StoredPaper) => JSON.stringify({ ...p });
