export { createFetcher, userAgentOf, DEFAULT_HOST_INTERVALS, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './fetcher';
export type { Fetcher, FetcherOptions, FetchOutcome, FetchRequest, RetryNotice } from './fetcher';
export { FetchError, type FetchErrorCode } from './fetch-error';
export { classifyNetworkError } from './classify-error';
export { checkUrl } from './url-policy';
export type { Expected } from './read-body';
export { MemoryValidatorStore, type Validators, type ValidatorStore } from './validators';
export { type Timing, type RetryPolicy, backoffMs, parseRetryAfter } from './timing';
