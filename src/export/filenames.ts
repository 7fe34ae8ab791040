/**
 * File names from titles that are safe on Linux, macOS and Windows, and in Obsidian links: no path
 * separators or reserved characters, no reserved device names, no leading dots or trailing dots
 * and spaces, bounded length, and collisions (case-insensitive, as on macOS and Windows) resolved
 * from the paper's id, so the same paper gets the same name whatever else is exported with it.
 */

/** UTF-8 bytes of a base name: 255 is the limit of most file systems; leave room for a suffix and a long path. */
const MAX_BYTES = 120;

/** Windows device names, reserved with any extension, in any case. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** What each unsafe character becomes: Windows forbids <>:"/\|?*, Obsidian links break on #^[]|. */
const REPLACE: Record<string, string> = {
  ':': ' - ',
  '/': '-',
  '\\': '-',
  '|': '-',
  '"': "'",
  '<': '',
  '>': '',
  '*': '',
  '?': '',
  '#': '',
  '^': '',
  '[': '(',
  ']': ')',
};

/** Control characters and bidirectional overrides (which can disguise a name); emoji joiners stay. */
const INVISIBLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Cuts to MAX_BYTES on a grapheme boundary (never through an emoji), at a word break when one is near. */
function truncate(name: string): string {
  if (bytes(name) <= MAX_BYTES) return name;
  let out = '';
  for (const { segment } of segmenter.segment(name)) {
    if (bytes(out + segment) > MAX_BYTES) break;
    out += segment;
  }
  const space = out.lastIndexOf(' ');
  return space > out.length - 30 && space > 0 ? out.slice(0, space) : out;
}

/** A safe base name (no extension) for `title`; `fallback` when nothing usable is left. */
export function safeBaseName(title: string, fallback: string): string {
  let name = title
    .normalize('NFC')
    .replace(INVISIBLE, ' ')
    .replace(/[:/\\|"<>*?#^[\]]/g, (c) => REPLACE[c])
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+/, ''); // no hidden files, no "..", no names that look like options
  name = truncate(name).replace(/[\s.]+$/, '');
  if (!/[\p{L}\p{N}\p{So}]/u.test(name)) return fallback;
  return RESERVED.test(name) ? name.replace(/^[^.]*/, '$&_') : name;
}

const key = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * Hands out unique file names in one folder. `taken` holds names already used there (by the
 * reader's own files, say); each claim adds its result.
 */
export class FileNamer {
  readonly #taken: Set<string>;

  constructor(taken: Iterable<string> = []) {
    this.#taken = new Set([...taken].map(key));
  }

  /** Reserves an exact name (a file this export already owns). */
  keep(name: string): void {
    this.#taken.add(key(name));
  }

  /** A free `<base>.<ext>`: the title's name, else with a suffix from the id, else numbered. */
  claim(title: string, id: string, ext: string, fallback = 'Untitled'): string {
    const base = safeBaseName(title, fallback);
    const candidates = [base, `${base} (${shortId(id)})`, `${base} (${id})`];
    for (let n = 2; ; n++) {
      const name = `${candidates.shift() ?? `${base} (${id}) ${n}`}.${ext}`;
      if (!this.#taken.has(key(name))) {
        this.#taken.add(key(name));
        return name;
      }
    }
  }
}

/** What tells a paper apart in a file name: its arXiv id (2401.10774), else the start of its hash. */
function shortId(id: string): string {
  const arxiv = /^arxiv-(\d{4})-(\d{4,5})$/.exec(id);
  if (arxiv) return `${arxiv[1]}.${arxiv[2]}`;
  return id.replace(/^[a-z]+-/, '').slice(0, 6);
}
