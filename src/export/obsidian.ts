import { calendarDay, dateParts } from './dates';
import type { FrontMatter } from './front-matter';
import { type ExportPaper, localDate, paperUrl } from './paper-record';

/**
 * A paper's front matter as Obsidian's Properties read it. Obsidian has six property types (text,
 * list, number, checkbox, date, date & time), no nested properties, and one type per property name
 * across a vault; so every key here always has the same type, and what was nested (digests,
 * comparison attributes) is a list of strings. A key with nothing to say is left out (a re-export
 * removes it from the file: see managed-region.ts). `aliases` holds the full title, beside the
 * aliases the reader adds (the app only ever adds to that list).
 */

/** Each key the app writes into a paper's front matter, and its Obsidian type. */
export const PAPER_PROPERTIES = {
  title: 'text',
  aliases: 'list',
  id: 'text',
  arxiv: 'text',
  doi: 'text',
  url: 'text',
  pdf: 'text',
  code: 'text',
  authors: 'list',
  published: 'date',
  year: 'number',
  categories: 'list',
  tags: 'list',
  tag_names: 'list',
  lists: 'list',
  digests: 'list',
  status: 'text',
  starred: 'checkbox',
  created: 'date',
  read: 'date',
  attributes: 'list',
} as const;

export type PaperProperty = keyof typeof PAPER_PROPERTIES;

/**
 * A tag name as a valid Obsidian tag: letters, digits, `_`, `-` and `/` only, no spaces (they
 * become `-`), no leading `#`, not all digits (`_` is put in front). Null when nothing is left.
 */
export function obsidianTag(name: string): string | null {
  let tag = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}_/-]+/gu, '-')
    .replace(/-*\/[-/]*/g, '/')
    .replace(/-{2,}/g, '-')
    .replace(/^[-/]+|[-/]+$/g, '');
  if (!tag) return null;
  if (!/[^\p{N}/]/u.test(tag)) tag = `_${tag}`;
  return tag;
}

/** One line of text: properties hold no Markdown and no line breaks. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function attributeLines(p: ExportPaper): string[] {
  return Object.entries(p.attributes).flatMap(([comparison, values]) =>
    Object.entries(values).map(([name, value]) => flat(`${comparison} / ${name}: ${value}`)),
  );
}

export function paperProperties(p: ExportPaper): FrontMatter {
  const tags = [...new Set(p.tags.map(obsidianTag).filter((t): t is string => Boolean(t)))];
  const date = dateParts(p.published);
  const values: { [K in PaperProperty]?: unknown } = {
    title: p.plainTitle,
    aliases: [p.plainTitle],
    id: p.id,
    arxiv: p.arxivId ?? undefined,
    doi: p.doi || undefined,
    url: paperUrl(p),
    pdf: p.links?.pdf || undefined,
    code: p.links?.code || undefined,
    authors: p.authors?.length ? p.authors.map(flat) : undefined,
    published: calendarDay(p.published),
    year: date?.[0],
    categories: p.categories?.length ? p.categories : undefined,
    tags: tags.length ? tags : undefined,
    tag_names: p.tags.length ? p.tags : undefined,
    lists: p.lists.length ? p.lists : undefined,
    digests: p.digests.length ? [...new Set(p.digests.map((d) => d.name))] : undefined,
    status: p.status,
    starred: p.starred,
    created: localDate(p.createdAt),
    read: p.readAt ? localDate(p.readAt) : undefined,
    attributes: attributeLines(p).length ? attributeLines(p) : undefined,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
