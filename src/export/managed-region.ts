import { createHash } from 'node:crypto';
import { type FrontMatter, mergeFrontMatter, readFrontMatter, renderFrontMatter, splitFrontMatter } from './front-matter';

/**
 * What the app writes into one Markdown file: front matter keys and a body. In the file, the body
 * stands between two marker comments; the begin marker carries the file's owner (`paper:<id>`)
 * and a hash of what the app last wrote (its keys' values and the body). A re-export replaces only
 * the app's keys and the region between the markers, keeping everything the reader added. When
 * the reader changed the app's part since, the hash no longer matches and the file is left alone
 * unless the export was told to overwrite. The marker also lists the app's keys, so that a key the
 * app no longer writes (a property left out because it is empty now, or renamed by a newer
 * version) is removed, and a file written by an earlier version is checked against that version's keys.
 */
export interface Managed {
  owner: string;
  frontMatter: FrontMatter;
  body: string;
  /**
   * Front matter lists the reader shares with the app (`aliases`): the app's items are added to
   * what the file holds, never replacing it, and the reader's changes there are not edits.
   */
  additive?: string[];
}

/** The keys the app owns outright: checked for edits, replaced on re-export. */
const ownedKeys = (m: Managed) => Object.keys(m.frontMatter).filter((k) => !m.additive?.includes(k));

/** The app's items the file's list lacks (a single value there is taken as a list of one). */
function missing(current: unknown, mine: unknown): unknown[] {
  const have = Array.isArray(current) ? current : [current];
  return (Array.isArray(mine) ? mine : [mine]).filter((x) => !have.includes(x));
}

export type UpdateResult = { status: 'unchanged' } | { status: 'updated'; text: string } | { status: 'conflict'; reason: string };

const BEGIN = /^<!-- digest-reader:begin owner="([^"\n]+)" hash="([0-9a-f]+)"(?: keys="([\w,-]*)")?[^\n]*-->$/m;
const END = /^<!-- digest-reader:end -->$/m;
const END_LINE = '<!-- digest-reader:end -->';
const HINT = 'Digest Reader rewrites this part on re-export; add your own text outside it';

const beginLine = (owner: string, hash: string, keys: string[]) =>
  `<!-- digest-reader:begin owner="${owner}" hash="${hash}" keys="${keys.join(',')}" (${HINT}) -->`;

/** The keys of files written before markers listed them: a paper's, or an index's. */
const LEGACY_KEYS = {
  paper: ['title', 'id', 'digests', 'tags', 'lists', 'status', 'starred', 'created', 'read', 'attributes', 'arxiv'],
  index: ['title', 'kind', 'id', 'papers'],
};
const legacyKeys = (owner: string) => (owner.startsWith('paper:') ? LEGACY_KEYS.paper : LEGACY_KEYS.index);

/** Keeps a body from ending the region early: a literal marker inside it is made inert (comments never render). */
const inert = (body: string) => body.replace(/<!-- digest-reader:/g, '<!-- digest-reader\\:');

/** Line endings and the blank lines around the region do not count as edits. */
const normalise = (text: string) => text.replace(/\r\n?/g, '\n').trim();

function hashOf(keys: string[], values: FrontMatter, body: string): string {
  const canonical = JSON.stringify([keys.map((k) => [k, values[k] ?? null]), normalise(body)]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

function region(m: Managed): string {
  const body = inert(m.body);
  const keys = ownedKeys(m);
  return `${beginLine(m.owner, hashOf(keys, m.frontMatter, body), keys)}\n\n${body.trim()}\n\n${END_LINE}\n`;
}

/** A new file holding only the app's part. */
export function renderManaged(m: Managed): string {
  return `${renderFrontMatter(m.frontMatter)}\n${region(m)}`;
}

/** The owner named by a file's begin marker: which paper or index the file belongs to, if any. */
export function ownerOf(text: string): string | null {
  return BEGIN.exec(text)?.[1] ?? null;
}

/** Rewrites the app's part of an existing file, or says why it will not. */
export function updateManaged(existing: string, m: Managed, overwriteChanged = false): UpdateResult {
  const text = existing.replace(/\r\n?/g, '\n');
  const { yaml, body } = splitFrontMatter(text);
  const begin = BEGIN.exec(body);
  if (!begin || begin[1] !== m.owner) return { status: 'conflict', reason: 'the file does not carry this paper’s marker' };
  const start = begin.index;
  const afterBegin = start + begin[0].length;
  const end = END.exec(body.slice(afterBegin));
  const current = yaml === null ? {} : readFrontMatter(yaml);
  // The keys the app wrote last time: as the marker lists them, else as the version before it wrote them.
  const written = begin[3] === undefined ? legacyKeys(m.owner) : begin[3].split(',').filter(Boolean);

  if (!overwriteChanged) {
    if (!end) return { status: 'conflict', reason: 'the end marker of the exported part was removed' };
    if (current === null) return { status: 'conflict', reason: 'its front matter is no longer valid YAML' };
    if (hashOf(written, current, body.slice(afterBegin, afterBegin + end.index)) !== begin[2]) {
      return { status: 'conflict', reason: 'the exported part was edited after the last export' };
    }
  }
  const before = body.slice(0, start);
  const after = end ? body.slice(afterBegin + end.index + END_LINE.length).replace(/^\n/, '') : '';
  const owned = ownedKeys(m);
  const dropped = written.filter((k) => !owned.includes(k));
  const values = Object.fromEntries(Object.entries(m.frontMatter).filter(([k]) => owned.includes(k)));
  const append = Object.fromEntries((m.additive ?? []).map((k) => [k, current ? missing(current[k], m.frontMatter[k]) : m.frontMatter[k]]));
  const updated = `${mergeFrontMatter(current === null ? null : yaml, values, { remove: dropped, append })}${before}${region(m)}${after}`;
  return updated === text ? { status: 'unchanged' } : { status: 'updated', text: updated };
}
