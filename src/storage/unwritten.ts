import { isIoError } from './io-errors';

/** A write that failed after the reader's changes were safe in the journal, and what it was. */
export interface Unwritten {
  /** What could not be done, as the start of a sentence ("the daily backup could not be written"). */
  doing: string;
  error: NodeJS.ErrnoException;
}

const DOING = {
  snapshot: 'userdata.json could not be updated (your changes are kept in userdata.journal until it can be)',
  backup: 'the daily backup could not be written',
} as const;

/**
 * The writes that follow a saved change (folding the journal into the snapshot, the daily backup):
 * when one fails on the disk (full, read-only…) nothing is lost, so it is noted, tried again later,
 * and told once the library closes, instead of failing the change that was already saved.
 */
export class Deferred {
  readonly #failed = new Map<keyof typeof DOING, Unwritten>();

  /** Runs `write`; a file-system failure is kept (any other error is a bug and thrown). Returns whether it was done. */
  attempt(kind: keyof typeof DOING, write: () => void): boolean {
    try {
      write();
      this.#failed.delete(kind);
      return true;
    } catch (error) {
      if (!isIoError(error)) throw error;
      this.#failed.set(kind, { doing: DOING[kind], error });
      return false;
    }
  }

  /** Records a failure of an asynchronous write of that kind (the snapshot written in slices); false if it is no file-system failure. */
  fail(kind: keyof typeof DOING, error: unknown): boolean {
    if (!isIoError(error)) return false;
    this.#failed.set(kind, { doing: DOING[kind], error });
    return true;
  }

  done(kind: keyof typeof DOING): void {
    this.#failed.delete(kind);
  }

  get list(): Unwritten[] {
    return [...this.#failed.values()];
  }
}
