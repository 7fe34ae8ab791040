import type { ReadState } from '../api/vocabulary';

export interface PaperStatus {
  state: ReadState;
  starred: boolean;
  readAt?: string;
  /** The reader said "not interested": a negative signal for "Best for you". */
  notInterested?: boolean;
  /** When triage last skipped it: a weak negative signal, forgotten once the reader keeps the paper. */
  skippedAt?: string;
  updatedAt: string;
}
