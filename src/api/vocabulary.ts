/**
 * The words both sides of the contract use: limits, enums and the names the reader sees. The core
 * (its schemas and domains) and the page import them as values from here, so a limit is written
 * once. This module imports nothing, so the page can bundle it without pulling the core in.
 */

// Enums of the reader's data.
export const READ_STATES = ['unread', 'reading', 'read'] as const;
export type ReadState = (typeof READ_STATES)[number];
export const READ_STATE_LABELS: Record<ReadState, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };
export const TAG_COLORS = ['gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink'] as const;
export type TagColor = (typeof TAG_COLORS)[number];
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];
export const TAG_MODES = ['and', 'or'] as const;
export type TagMode = (typeof TAG_MODES)[number];
/**
 * 'date' is when imported, 'published' when the paper came out; 'list' is a reading list's own
 * order; 'best' is "Best for you", the reader's interest model (rows then carry their reason).
 */
export const SORT_ORDERS = ['digest', 'date', 'published', 'title', 'list', 'best'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const EXPORT_FORMATS = ['markdown', 'bibtex', 'csv', 'ris', 'csl-json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats written as one file: its name in the page, its extension, its media type, and the handler that writes it. */
export const EXPORT_FILE_FORMATS = {
  bibtex: { label: 'BibTeX', ext: 'bib', mime: 'application/x-bibtex', handler: 'export.bibtex' },
  csv: { label: 'CSV', ext: 'csv', mime: 'text/csv', handler: 'export.csv' },
  ris: { label: 'RIS', ext: 'ris', mime: 'application/x-research-info-systems', handler: 'export.ris' },
  'csl-json': { label: 'CSL-JSON', ext: 'csl.json', mime: 'application/vnd.citationstyles.csl+json', handler: 'export.cslJson' },
} as const;
export type ExportFileFormat = keyof typeof EXPORT_FILE_FORMATS;
export const SCOPE_KINDS = ['paper', 'selection', 'list', 'tag', 'digest', 'comparison', 'library'] as const;

// Reading comfort.
export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export const THEME_LABELS: Record<(typeof THEMES)[number], string> = { system: 'Follow the system', light: 'Light', dark: 'Dark', sepia: 'Sepia' };
export const FONTS = ['serif', 'sans'] as const;
export const FONT_LABELS: Record<(typeof FONTS)[number], string> = { serif: 'Serif', sans: 'Sans-serif' };
/** Ranges of the reading-text settings, with the step of their sliders. */
export const FONT_SIZE = { min: 13, max: 28, step: 1 } as const;
export const LINE_HEIGHT = { min: 1.3, max: 2.1, step: 0.05 } as const;
export const READING_WIDTH = { min: 45, max: 100, step: 1 } as const;
export const DEFAULT_APPEARANCE = { theme: 'system', font: 'serif', fontSize: 18, lineHeight: 1.65, readingWidth: 70 } as const;

// Limits of what the reader writes (the schemas refuse more; the services explain).
/** A name the reader gives: a list, a tag, a comparison, an attribute. */
export const MAX_NAME = 500;
/** Notes are Markdown; a few megabytes is far beyond any real note and bounds a store write. */
export const MAX_NOTE_CHARS = 4 * 1024 * 1024;
export const MAX_COMMENT_CHARS = 100_000;
export const MAX_CELL_CHARS = 10_000;
/** A search as typed. */
export const MAX_QUERY = 500;
/**
 * Rows the paper list asks for at a time: two to three screenfuls of ~110 px rows, more fetched as it
 * scrolls. Each key typed builds this many rows (snippets marked, abstracts read), so it is kept small.
 */
export const LIST_PAGE = 25;
/** Tags named at once, and tags filtered by at once. */
export const MAX_TAGS_AT_ONCE = 50;
/** The largest digest file read, in bytes (and the most characters of pasted text). */
export const MAX_DIGEST_BYTES = 32 * 1024 * 1024;
export const MAX_DIGEST_NAME = 300;

// The daily loop: sources, smart lists, "Best for you", trends.
/** What a source fetches: Hugging Face's daily papers (a URL with {date}), arXiv RSS, an arXiv API query, any feed. */
export const SOURCE_KINDS = ['hf-daily', 'arxiv-rss', 'arxiv-api', 'feed'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  'hf-daily': 'Hugging Face daily papers',
  'arxiv-rss': 'arXiv RSS',
  'arxiv-api': 'arXiv API query',
  feed: 'Feed',
};
/** How a source stands: never fetched, fine, unreachable (it will be tried again), or failing (its message says why). */
export const SOURCE_STATES = ['new', 'fetching', 'ok', 'offline', 'error'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];
/** The longest address a source may have. */
export const MAX_URL = 2048;
/** Sources a library may hold: a reader follows a handful. */
export const MAX_SOURCES = 100;
/** What a smart list's `status:` field matches: a read state, a star, or "not interested". */
export const STATUS_FILTERS = [...READ_STATES, 'starred', 'not-interested'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
/** A smart list's query as typed (the syntax: words, "phrases", -exclude, author:, cat:, tag:, status:, year:). */
export const MAX_SMART_QUERY = 1000;
export const MAX_SMART_LISTS = 200;
/** "Best for you" learns from this many positive signals (stars, reads, tags, lists) at least. */
export const MIN_POSITIVES = 3;
export const notEnoughSignal = (positives: number) =>
  `Not enough signal yet: star or tag ${MIN_POSITIVES} papers (${positives} so far) and “Best for you” will rank the rest.`;
/** The states of the interest model, as the page shows them. */
export const RANKING_STATES = ['idle', 'training', 'ready', 'not-enough-signal', 'failed'] as const;
export type RankingState = (typeof RANKING_STATES)[number];

/** One line for a fetch's notification and toast: "23 new papers, 4 match your interests". */
export function fetchSummary(newPapers: number, matches: number): string {
  const papers = newPapers === 0 ? 'No new papers' : `${newPapers} new paper${newPapers === 1 ? '' : 's'}`;
  if (newPapers === 0 || matches === 0) return papers;
  return `${papers}, ${matches} match${matches === 1 ? 'es' : ''} your interests`;
}

/** "7 of 119 match your interests", for an import's report. */
export const matchSummary = (matched: number, total: number) => `${matched} of ${total} match${matched === 1 ? 'es' : ''} your interests`;

// Comparisons.
export const MIN_PAPERS = 2;
export const MAX_PAPERS = 6;
export const MAX_ATTRIBUTES = 50;
export const DRAFT_NAME = 'Untitled comparison';
const LIMIT = `Compare ${MIN_PAPERS} to ${MAX_PAPERS} papers at a time`;

/** Why `count` papers cannot be compared (undefined when they can), as the core and the page say it. */
export function comparisonCountProblem(count: number): string | undefined {
  if (count < MIN_PAPERS) return `${LIMIT}: select at least ${MIN_PAPERS}${count === 1 ? ' (1 is selected)' : ''}.`;
  if (count > MAX_PAPERS) return `${LIMIT}: ${count} are selected. Remove ${count - MAX_PAPERS} first.`;
  return undefined;
}

/** Why a comparison of `count` papers cannot take `adding` more, or lose one. */
export const comparisonFull = (count: number) => `${LIMIT}: this one has ${count}, so ${Math.max(0, MAX_PAPERS - count)} more at most.`;
export const comparisonAtMinimum = `${LIMIT}: this one cannot lose another column. Delete the comparison instead.`;
export const comparisonHoldsAtMost = `A comparison holds at most ${MAX_PAPERS} papers: remove one first.`;

/** How the reader is told which format a file was read as (the formats are in src/digest/parse.ts). */
export const FORMAT_LABELS: Record<string, string> = {
  'hf-daily-papers': 'Hugging Face papers (JSON)',
  'arxiv-rss': 'an arXiv listing (RSS/Atom)',
  'arxiv-api': 'an arXiv API answer',
  'arxiv-email': 'an arXiv e-mail',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
  'trending-papers': 'a trending-papers list',
};

/** How a digest too large to import is explained, wherever it is refused. */
export const digestTooLarge = (what: string, bytes: number) =>
  `${what} is ${(bytes / 1024 / 1024).toFixed(1)} MB; digests up to ${MAX_DIGEST_BYTES / 1024 / 1024} MB can be imported. Split it into smaller files.`;

/**
 * Maths in titles and abstracts, as Pandoc reads dollars: `$$…$$` (group 1) or `$…$` (group 2)
 * with no space just inside either dollar, no backslash before the opening one and no digit right
 * after the closing one, so "a $5 model beats a $500 one" stays money. The page shows maths by
 * this rule, and the core flattens and exports it by the same.
 */
export const MATH_SPAN = /(?<!\\)\$\$(?=\S)([^$]{1,1000}?)(?<=\S)\$\$|(?<!\\)\$(?=[^\s$])([^$]{1,1000}?)(?<=[^\s\\])\$(?!\d)/g;
