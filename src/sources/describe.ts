/**
 * What a source is, from what the reader typed: a URL (or a shorthand: `hf` for Hugging Face's
 * daily papers, `arxiv:cs.CL+cs.LG` for arXiv's RSS of those categories), a name and a format if
 * they gave them. The kind follows the format when given, else the address.
 */
import { ApiError } from '../api/contract';
import type { SourceKind } from '../api/vocabulary';
import { FORMAT_LIST, type FormatName } from '../digest/parse';
import { checkUrl, FetchError } from '../net';

/** Hugging Face's daily papers for one day; `{date}` is filled with each day fetched. */
export const HF_DAILY_URL = 'https://huggingface.co/api/daily_papers?date={date}';
export const arxivRssUrl = (categories: string) => `https://rss.arxiv.org/rss/${categories}`;

export interface SourceSpec {
  kind: SourceKind;
  url: string;
  name: string;
  format?: FormatName;
}

const DATE = '{date}';
const KIND_OF_FORMAT: Partial<Record<FormatName, SourceKind>> = { 'hf-daily-papers': 'hf-daily', 'arxiv-rss': 'arxiv-rss', 'arxiv-api': 'arxiv-api' };
const CATEGORIES = /^[a-z-]+(\.[A-Za-z-]+)?(\+[a-z-]+(\.[A-Za-z-]+)?)*$/;

const HF_DAILY_PATH = new URL(HF_DAILY_URL).pathname;

/** The address asking for each day: its query kept (a limit, a key…), its own `date` (if any) replaced by `{date}`. */
function withDateParam(url: URL): string {
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && pair.split('=')[0] !== 'date');
  return `${url.origin}${url.pathname}?${[...kept, `date=${DATE}`].join('&')}`;
}

/** The address with `{date}` filled in (a day, YYYY-MM-DD). */
export const urlFor = (url: string, day: string) => url.replaceAll(DATE, day);
export const isDated = (url: string) => url.includes(DATE);

function shorthand(input: string): string {
  const s = input.trim();
  if (/^(hf|hf-daily|huggingface)$/i.test(s)) return HF_DAILY_URL;
  const arxiv = /^arxiv:(.+)$/i.exec(s);
  if (arxiv) {
    if (!CATEGORIES.test(arxiv[1])) throw new ApiError('invalid-url', `“${arxiv[1].slice(0, 80)}” is not a list of arXiv categories (such as cs.CL+cs.LG).`);
    return arxivRssUrl(arxiv[1]);
  }
  return s;
}

/** Checks the address as the fetch module would (https only; http only on this machine), `{date}` filled with a day. */
function check(url: string): URL {
  try {
    return checkUrl(urlFor(url, '2000-01-01'));
  } catch (error) {
    if (error instanceof FetchError) throw new ApiError('invalid-url', `${error.message[0].toUpperCase()}${error.message.slice(1)}.`);
    throw error;
  }
}

function kindOf(url: URL, format?: FormatName): SourceKind {
  if (format && KIND_OF_FORMAT[format]) return KIND_OF_FORMAT[format];
  if (url.hostname === 'huggingface.co' && /daily_papers|^\/papers/.test(url.pathname)) return 'hf-daily';
  if (url.hostname === 'rss.arxiv.org' || (url.hostname.endsWith('arxiv.org') && url.pathname.startsWith('/rss/'))) return 'arxiv-rss';
  if (url.hostname === 'export.arxiv.org' && url.pathname.startsWith('/api/query')) return 'arxiv-api';
  return 'feed';
}

function defaultName(kind: SourceKind, url: URL): string {
  if (kind === 'hf-daily') return 'Hugging Face daily papers';
  if (kind === 'arxiv-rss') return `arXiv ${decodeURIComponent(url.pathname.replace(/^\/(rss|atom)\//, '').replace(/\/$/, '')) || 'RSS'}`;
  const query = url.searchParams.get('search_query');
  if (kind === 'arxiv-api' && query) return `arXiv query: ${query}`.slice(0, 120);
  return `${url.host}${url.pathname === '/' ? '' : url.pathname}`.slice(0, 120);
}

export function describeSource(input: string, given: { name?: string; format?: string } = {}): SourceSpec {
  const format = given.format as FormatName | undefined;
  if (format !== undefined && !FORMAT_LIST.some((f) => f.name === format)) {
    throw new ApiError('invalid-format', `There is no format called “${format.slice(0, 40)}”. Known formats: ${FORMAT_LIST.map((f) => f.name).join(', ')}.`);
  }
  let raw = shorthand(input);
  let url = check(raw);
  const kind = kindOf(url, format);
  // Hugging Face's daily papers are a listing per day: the subscription follows the days.
  if (kind === 'hf-daily' && !isDated(raw)) {
    raw = url.hostname === 'huggingface.co' && url.pathname !== HF_DAILY_PATH ? HF_DAILY_URL : withDateParam(url);
    url = check(raw);
  }
  return { kind, url: raw, name: given.name?.trim() || defaultName(kind, url), ...(format ? { format } : {}) };
}
