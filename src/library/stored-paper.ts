import type { AbstractFile } from './abstract-file';
import type { Paper } from './types';

/**
 * A paper of the corpus whose abstract lives in the AbstractFile once saved, and in memory until
 * then (a new paper, or a newer version's text). `abstract` is an accessor: a spread (`{...p}`)
 * leaves it out, so a copy names it (`{ ...p, abstract: p.abstract }`); JSON.stringify keeps it.
 */
export class StoredPaper {
  #text: string | undefined;
  #file: AbstractFile | undefined;
  #at = 0;
  #length = 0;

  constructor(text?: string, file?: AbstractFile, at = 0, length = 0) {
    this.#text = text;
    this.#file = file;
    this.#at = at;
    this.#length = length;
  }

  get abstract(): string {
    if (this.#text !== undefined) return this.#text;
    return this.#length === 0 ? '' : this.#file!.read(this.#at, this.#length);
  }

  /** Whether it has an abstract, without reading it from the file. */
  get hasAbstract(): boolean {
    return this.#text !== undefined ? this.#text.trim() !== '' : this.#length > 0;
  }

  set abstract(text: string) {
    this.#text = text;
  }

  /** The abstract if it is not in the file yet. */
  get unsaved(): string | undefined {
    return this.#text;
  }

  /** Where the abstract is in the file, if it is there and current. */
  get place(): [number, number] | undefined {
    return this.#text === undefined ? [this.#at, this.#length] : undefined;
  }

  /** The abstract `text` was written at `place`: read it from there from now on, unless it changed meanwhile. */
  saved(file: AbstractFile, place: [number, number], text: string): void {
    if (this.#text !== text) return;
    this.#file = file;
    [this.#at, this.#length] = place;
    this.#text = undefined;
  }

  toJSON(): Paper {
    return { ...this, abstract: this.abstract } as unknown as Paper;
  }
}

/** A paper of the corpus: the rest of its fields are set on the StoredPaper as own properties. */
export type CorpusPaper = StoredPaper & Paper;
