import { Document, isMap, parseDocument, stringify } from 'yaml';

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

/**
 * Sets the app's keys in an existing front matter block, removes the app's keys in `remove` (which
 * it no longer writes), and keeps every other key (an alias, a property the reader added in
 * Obsidian), with its comments and formatting.
 */
export function mergeFrontMatter(yaml: string | null, values: FrontMatter, remove: string[] = []): string {
  const doc = yaml === null ? new Document({}) : parseDocument(yaml);
  if (doc.errors.length || !(doc.contents === null || isMap(doc.contents))) return renderFrontMatter(values);
  if (doc.contents === null) doc.contents = doc.createNode({});
  for (const key of remove) doc.delete(key);
  for (const [key, value] of Object.entries(values)) doc.set(key, value);
  return `---\n${doc.toString(OPTIONS)}---\n`;
}
