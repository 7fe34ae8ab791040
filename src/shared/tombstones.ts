import { ApiError } from '../api/contract';

/** A kind of deleted thing (a list, a tag…), typing what its tombstone holds. */
export interface Kind<T> {
  readonly name: string;
  /** Never set: only carries T. */
  readonly held?: T;
}

export const tombstoneKind = <T>(name: string): Kind<T> => ({ name });

/** How many deletes can be undone, the oldest forgotten first: a toast's undo is for the last few. */
const KEEP = 100;

/**
 * What a delete leaves behind, so that `restore({ id })` can bring it back: the core keeps the
 * deleted rows, and the page only ever names them. Kept in memory, as an undo is for this session.
 */
export class Tombstones {
  readonly #kept = new Map<string, unknown>();

  keep<T>(kind: Kind<T>, id: string, deleted: T): void {
    const key = `${kind.name}:${id}`;
    this.#kept.delete(key);
    this.#kept.set(key, deleted);
    if (this.#kept.size > KEEP) this.#kept.delete(this.#kept.keys().next().value!);
  }

  /** Runs `restore` on what was kept for `id` and forgets it once restored; a restore that throws keeps it. */
  restore<T, R>(kind: Kind<T>, id: string, restore: (deleted: T) => R): R {
    const key = `${kind.name}:${id}`;
    if (!this.#kept.has(key)) throw new ApiError('not-found', 'That can no longer be undone.');
    const result = restore(this.#kept.get(key) as T);
    this.#kept.delete(key);
    return result;
  }
}
