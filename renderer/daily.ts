/** Pure helpers of the daily loop's views: how a source stands, a search as a smart-list query, source addresses. */
import { matchSummary } from '../src/api/vocabulary';
import type { Facets } from './store/paper-list-slice';
import type { FetchProgress, FetchRun, ReadState, SourceSummary } from './store/types';

/** "just now", "5 min ago", "2 h ago", "3 days ago". */
export function timeAgo(iso: string, now: Date = new Date()): string {
  const minutes = Math.round((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

/**
 * One line for a source: "Fetched 2 h ago, 23 new", "Offline, last fetched 3 days ago", "Error: … ",
 * with the papers the last fetch brought when the page saw it.
 */
export function sourceLine(s: SourceSummary, last: FetchRun['results'][number] | undefined, now: Date = new Date()): string {
  const when = s.lastSuccessAt ? `last fetched ${timeAgo(s.lastSuccessAt, now)}` : 'never fetched';
  switch (s.state) {
    case 'fetching':
      return 'Fetching…';
    case 'new':
      return 'Not fetched yet';
    case 'offline':
      return `Offline, ${when}`;
    case 'error':
      return `Failed, ${when}`;
    default: {
      const result = last?.ok ? last : undefined;
      const fresh = result ? (result.newPapers ? `, ${result.newPapers.toLocaleString()} new` : ', nothing new') : '';
      return `Fetched ${s.lastSuccessAt ? timeAgo(s.lastSuccessAt, now) : ''}${fresh}`;
    }
  }
}

const PHASES: Record<FetchProgress['phase'], string> = { fetching: 'Asking', retrying: 'Asking again', importing: 'Reading', done: 'Done', failed: 'Failed' };

/** What a source being fetched is doing: "Asking huggingface.co…", a retry and why, "Importing 23 papers…". */
export function phaseLine(p: FetchProgress): string {
  // A retry may wait seconds: say why and how many tries are left.
  if (p.phase === 'retrying') return `${p.reason ?? ''} Trying again (${p.attempt} of ${p.of})…`.trim();
  if (p.phase === 'importing')
    return p.papers !== undefined
      ? `Importing ${p.papers.toLocaleString()} papers…`
      : `Reading the answer${p.bytes ? ` (${Math.ceil(p.bytes / 1024)} KB)` : ''}…`;
  return `${PHASES[p.phase]}${p.url ? ` ${new URL(p.url).host}` : ''}…`;
}

const quote = (v: string) => (/[\s"]/.test(v) ? `"${v.replaceAll('"', '')}"` : v);

/** The current search and filters, written in the smart-list syntax ("Save search as smart list"). */
export function smartQueryFromSearch(query: string, facets: Facets, state: ReadState | null): string {
  const parts = [query.trim()];
  if (facets.author) parts.push(`author:${quote(facets.author)}`);
  if (facets.category) parts.push(`cat:${quote(facets.category.replace(/\.$/, ''))}`);
  if (facets.year) parts.push(`year:${facets.year}`);
  if (state) parts.push(`status:${state}`);
  return parts.filter(Boolean).join(' ');
}

/** A name for a smart list made from a query: its words, without the fields' syntax. */
export function nameFromQuery(query: string): string {
  const words = query
    .replace(/\b[a-z]+:("[^"]*"|\S+)/gi, '')
    .replaceAll('"', '')
    .replace(/\s+/g, ' ')
    .trim();
  return (words || query).slice(0, 60);
}

/** What the Sources form offers beside a plain address: arXiv RSS of categories, or an arXiv API query. */
export const ARXIV_CATEGORIES = ['cs.AI', 'cs.CL', 'cs.CV', 'cs.LG', 'cs.IR', 'cs.RO', 'cs.NE', 'stat.ML', 'eess.AS', 'q-bio.QM'] as const;
export const arxivRssAddress = (categories: string[]) => (categories.length ? `https://rss.arxiv.org/rss/${categories.join('+')}` : '');
export const arxivApiAddress = (query: string) =>
  query.trim() ? `https://export.arxiv.org/api/query?search_query=${encodeURIComponent(query.trim())}&sortBy=submittedDate&max_results=200` : '';
/** Hugging Face's daily papers: the subscription follows the days ({date} is filled with each). */
export const HF_ADDRESS = 'https://huggingface.co/api/daily_papers?date={date}';

/** "7 of 119 match your interests", when an import matched any smart list. */
export function importMatchLine(matched: number, total: number): string | null {
  return matched > 0 ? matchSummary(matched, total) : null;
}
