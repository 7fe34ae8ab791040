import { Document, isMap, isSeq, parseDocument, stringify } from 'yaml';

export type FrontMatter = Record<string, unknown>;

/** Long titles stay on one line: folded scalars are valid YAML but confuse some vault tools. */
const OPTIONS = { lineWidth: 0 } as const;

/** Splits a Markdown file into its YAML front matter (without the fences) and the rest. */
export function splitFrontMatter(text: string): { yaml: string | null; body: string } {
  const m = /^---\n([\s\S]*?\n)?---(?:\n|$)/.exec(text);
  if (!m) return { yaml: null, body: text };
  return { yaml: m[1] ?? '', body: text.slice(m[0].length) };
}

export function renderFrontMatter(values: FrontMatter): string {
  return `---\n${stringify(values, OPTIONS)}---\n`;
}

/** The values of a front matter block, or null when it is not a readable YAML mapping. */
export function readFrontMatter(yaml: string): FrontMatter | null {
  const doc = parseDocument(yaml);
  if (doc.errors.length) return null;
  if (doc.contents === null) return {};
  return isMap(doc.contents) ? (doc.toJS() as FrontMatter) : null;
}

export interface MergeOptions {
  /** The app's keys it no longer writes. */
  remove?: string[];
  /** Items to add to a list the reader shares with the app (`aliases`), after the reader's own. */
  append?: Record<string, unknown>;
}

/**
 * Sets the app's keys in an existing front matter block, removes the app's keys it no longer
 * writes, adds items to shared lists, and keeps every other key (an alias, a property the reader
 * added in Obsidian), with its comments and formatting.
 */
export function mergeFrontMatter(yaml: string | null, values: FrontMatter, { remove = [], append = {} }: MergeOptions = {}): string {
  const doc = yaml === null ? new Document({}) : parseDocument(yaml);
  if (doc.errors.length || !(doc.contents === null || isMap(doc.contents))) return renderFrontMatter({ ...values, ...append });
  if (doc.contents === null) doc.contents = doc.createNode({});
  for (const key of remove) doc.delete(key);
  for (const [key, value] of Object.entries(values)) doc.set(key, value);
  for (const [key, items] of Object.entries(append)) {
    const list = Array.isArray(items) ? items : [items];
    const node = doc.get(key, true);
    if (isSeq(node)) list.forEach((item) => node.add(doc.createNode(item)));
    else if (node === undefined || doc.get(key) === null) doc.set(key, list);
    else if (list.length) doc.set(key, [doc.get(key), ...list]);
  }
  return `---\n${doc.toString(OPTIONS)}---\n`;
}
