import { DigestError } from './errors';
import { decodeAccents, decodeTextAccents } from './latex';
import { htmlToText, joinWrapped, normaliseSpace } from './text';
import type { DigestEntry, DigestMeta, ParsedDigest, PaperIdentity, PaperLinks, SkippedLine } from './types';

/** What a format read for one paper, before it is cleaned and sorted. */
export interface RawEntry extends PaperIdentity {
  title?: string;
  abstract?: string;
  line: number;
  /**
   * The source's text is plain by its format (arXiv's own metadata, Hugging Face's JSON): what looks
   * like a tag there is text, such as a model's `<s>` token. Otherwise tags are taken for HTML.
   */
  plain?: boolean;
  /** The text is arXiv's, which writes accents in TeX (`Schr\"odinger`): decoded outside maths. */
  tex?: boolean;
}

const MAX_TITLE = 2000;
const MAX_FIELD = 500;

function cleanList(values: string[] | undefined, max = 200): string[] | undefined {
  if (!values) return undefined;
  const seen = new Set<string>();
  for (const v of values) {
    const t = normaliseSpace(v).slice(0, MAX_FIELD);
    if (t) seen.add(t);
    if (seen.size >= max) break;
  }
  return seen.size > 0 ? [...seen] : undefined;
}

function cleanLinks(links: PaperLinks | undefined): PaperLinks | undefined {
  if (!links) return undefined;
  const out: PaperLinks = {};
  for (const key of ['abs', 'pdf', 'hf', 'code', 'project'] as const) {
    const url = links[key]?.trim();
    if (url && /^https?:\/\/[^\s<>"]+$/i.test(url) && url.length <= 2000) out[key] = url;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Gathers a format's entries: titles and abstracts made plain (HTML stripped, arXiv's TeX
 * accents decoded, wrapped lines joined, whitespace normalised; LaTeX maths kept), empty fields dropped, and each entry routed to
 * `entries`, `withoutAbstract` (has an id, no abstract) or `skipped` (no title; no abstract and no id).
 * A reference manager's file (BibTeX, RIS, CSL-JSON) names papers the reader chose, abstract or
 * not (Google Scholar's and arXiv's BibTeX never carry one): there every titled entry is a paper.
 */
export class EntryCollector {
  readonly entries: DigestEntry[] = [];
  readonly withoutAbstract: DigestEntry[] = [];
  readonly skipped: SkippedLine[] = [];

  constructor(
    readonly format: string,
    private readonly references = false,
  ) {}

  skip(line: number, text: string, reason: string): void {
    this.skipped.push({ line, text: normaliseSpace(text).slice(0, 120), reason });
  }

  add(raw: RawEntry): void {
    const accents = raw.tex ? decodeTextAccents : (v: string) => v;
    const text = (v: string | undefined) => accents(raw.plain ? (v ?? '') : htmlToText(v ?? ''));
    const title = normaliseSpace(text(raw.title)).slice(0, MAX_TITLE);
    const abstract = joinWrapped(text(raw.abstract));
    const hasId = Boolean(raw.arxivId || raw.doi);
    if (!title) {
      this.skip(raw.line, raw.abstract ?? raw.arxivId ?? '', 'an entry without a title');
      return;
    }
    const entry: DigestEntry = { title, abstract, line: raw.line };
    const field = (v: string | undefined) => (v ? normaliseSpace(v).slice(0, MAX_FIELD) || undefined : undefined);
    const set = <K extends keyof DigestEntry>(key: K, value: DigestEntry[K] | undefined) => {
      if (value !== undefined) entry[key] = value;
    };
    set('arxivId', raw.arxivId);
    set('arxivVersion', raw.arxivId ? (raw.arxivVersion ?? undefined) : undefined);
    set('doi', raw.doi);
    set('authors', cleanList(raw.authors?.map(decodeAccents), 5000));
    set('published', raw.published);
    set('updated', raw.updated);
    set('primaryCategory', field(raw.primaryCategory));
    set('categories', cleanList(raw.categories));
    set('links', cleanLinks(raw.links));
    set('comment', field(raw.comment));
    set('journalRef', field(accents(raw.journalRef ?? '')));
    set('upvotes', Number.isFinite(raw.upvotes) && (raw.upvotes ?? -1) >= 0 ? Math.floor(raw.upvotes!) : undefined);
    set('announceType', raw.announceType);
    set('keywords', cleanList(raw.keywords));
    if (abstract || this.references) this.entries.push(entry);
    else if (hasId) this.withoutAbstract.push(entry);
    else this.skip(raw.line, title, 'an entry without an abstract (and without an arXiv id or DOI to match it by)');
  }

  /** The result; a text that held no paper at all is an error that names the format. */
  result(label: string, meta: DigestMeta | undefined, emptyMessage: string): ParsedDigest {
    if (this.entries.length === 0 && this.withoutAbstract.length === 0) {
      const first = this.skipped[0];
      const message = first
        ? `${label}: no paper could be read. Line ${first.line}: ${first.reason}${this.skipped.length > 1 ? ` (and ${this.skipped.length - 1} more)` : ''}.`
        : `${label}: ${emptyMessage}`;
      throw new DigestError('no-entries', message, { format: this.format, line: first?.line });
    }
    const digest: ParsedDigest = { format: this.format, entries: this.entries, skipped: this.skipped, withoutAbstract: this.withoutAbstract };
    const cleanMeta: DigestMeta = {};
    if (meta?.title) cleanMeta.title = normaliseSpace(meta.title).slice(0, 200);
    if (meta?.date && /^\d{4}-\d{2}-\d{2}$/.test(meta.date)) cleanMeta.date = meta.date;
    if (cleanMeta.title || cleanMeta.date) digest.meta = cleanMeta;
    return digest;
  }
}
