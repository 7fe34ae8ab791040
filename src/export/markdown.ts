import type { FrontMatter } from './front-matter';
import type { Managed } from './managed-region';
import { paperProperties } from './obsidian';
import type { ExportPaper } from './paper-record';
import { type Collection, collectionTitle } from './scope';

/**
 * Markdown for one paper or one index: what goes in the front matter and between the markers.
 * Digest text (titles, abstracts, quotes) is plain text, so it is escaped and never becomes
 * markup, and so are highlight comments (the app shows them as text); the reader's note is Markdown
 * already and goes in as written.
 */

/**
 * Characters that would start markup inline: emphasis, code, links, HTML, Obsidian tags, maths,
 * highlights, block ids (`^id` at a paragraph's end) and comments (`%%…%%`, each `%` of a pair).
 */
const INLINE = /[\\`*_[\]<>#|$~^]|=(?==)|%(?=%)|(?<=%)%/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’”]/g;

/** Plain text as one Markdown paragraph: whitespace collapsed, markup escaped, bare URLs as autolinks. */
export function escapeText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let out = '';
  let last = 0;
  for (const m of flat.matchAll(URL)) {
    const url = m[0];
    out += escapeInline(flat.slice(last, m.index)) + (url.startsWith('www.') ? `[${escapeInline(url)}](https://${url})` : `<${url}>`);
    last = m.index + m[0].length;
  }
  out += escapeInline(flat.slice(last));
  // A paragraph must not open as a list, a heading, a quote or a thematic break.
  return out.replace(/^[-+]/, '\\$&').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

function escapeInline(text: string): string {
  return text.replace(INLINE, '\\$&').replace(/&(?=#?\w+;)/g, '&amp;');
}

/** Plain text with paragraphs (a highlight comment), each escaped; `indent` keeps it inside a list item. */
function escapeParagraphs(text: string, indent = ''): string {
  return text
    .split(/\n\s*\n/)
    .map(escapeText)
    .filter(Boolean)
    .map((para) => indent + para)
    .join('\n\n');
}

/** Flat properties, as Obsidian reads them (see obsidian.ts). */
export function paperFrontMatter(p: ExportPaper): FrontMatter {
  return paperProperties(p);
}

/** Who a Markdown file belongs to, as its marker says. */
export const paperOwner = (id: string) => `paper:${id}`;
export const collectionOwner = (c: Collection) => `${c.kind}:${c.id}`;

export function paperMarkdown(p: ExportPaper): Managed {
  const parts = ['## Abstract', escapeText(p.abstract) || '(No abstract.)'];
  // Quotes as list items: two blockquotes separated only by a blank line would merge into one.
  const items = p.highlights
    .filter((h) => h.quote.trim())
    .map((h) => {
      const comment = escapeParagraphs(h.comment, '  ');
      return `- > ${escapeText(h.quote)}${comment ? `\n\n${comment}` : ''}`;
    });
  if (items.length) parts.push('## Highlights', items.join('\n'));
  // The note is the reader's own Markdown: it goes in as written.
  if (p.note?.trim()) parts.push('## Note', p.note.replace(/\r\n?/g, '\n').trim());
  return { owner: paperOwner(p.id), frontMatter: paperFrontMatter(p), body: parts.join('\n\n'), additive: ['aliases'] };
}

export interface LinkTarget {
  title: string;
  file: string;
}

/** `[[File|Title]]` for Obsidian-style vaults, else a standard relative link that any renderer follows. */
export function link(target: LinkTarget, wikiLinks: boolean): string {
  if (wikiLinks) {
    const name = target.file.replace(/\.md$/, '');
    const alias = target.title
      .replace(/[[\]|]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    return alias && alias !== name ? `[[${name}|${alias}]]` : `[[${name}]]`;
  }
  return `[${escapeText(target.title)}](${encodeURIComponent(target.file).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

export function collectionMarkdown(c: Collection, papers: LinkTarget[], wikiLinks: boolean): Managed {
  return {
    owner: collectionOwner(c),
    frontMatter: { title: collectionTitle(c), kind: c.kind, id: c.id, papers: papers.length },
    body: ['## Papers', papers.map((p) => `- ${link(p, wikiLinks)}`).join('\n')].join('\n\n'),
  };
}
