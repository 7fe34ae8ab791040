import type { SourceKind } from '../api/vocabulary';

/** Conditional-request validators a server gave for one URL (RFC 9110 §8.8). */
export interface StoredValidators {
  url: string;
  etag?: string;
  lastModified?: string;
}

/** Why the last fetch failed, kept until one succeeds. */
export interface SourceError {
  /** A FetchError code (`offline`, `timeout`, `http-404`…) or a digest error's (`unrecognised`…). */
  code: string;
  message: string;
  /** Worth trying again later (offline, a timeout, 5xx): the scheduler retries these. */
  retryable: boolean;
  at: string;
}

/** A subscription: where the day's papers come from, and how its last fetches went. */
export interface Source {
  id: string;
  name: string;
  kind: SourceKind;
  /** The address fetched; a dated source's holds `{date}`, filled with each day (YYYY-MM-DD). */
  url: string;
  /** A format name (see FORMAT_LIST) that overrides detection by content. */
  format?: string;
  createdAt: string;
  /** When a fetch was last tried. */
  lastAttemptAt?: string;
  /** When it last answered, with papers or with nothing new. */
  lastSuccessAt?: string;
  /** When a fetch last brought something new, and the digest it became. */
  lastNewAt?: string;
  lastDigestId?: string;
  lastError?: SourceError;
  /** Validators of the latest URLs fetched (a dated source fetches one URL a day), newest first. */
  validators?: StoredValidators[];
  /** A dated source: the last day whose listing had papers, so days the app missed are caught up. */
  lastDay?: string;
}

/** When the app fetches by itself while it runs: at start-up, and every day at an hour (local time). */
export interface FetchSchedule {
  atStartup: boolean;
  /** 0–23; null: no daily fetch. */
  dailyHour: number | null;
}
