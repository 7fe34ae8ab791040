import type { ExportPaper } from './paper-record';
import { splitName } from './person-names';

/**
 * Citation keys as arXiv's "Export BibTeX citation" makes them: the first author's surname, the
 * year and the first significant word of the title (`vaswani2017attention`), lower-case ASCII with
 * accents folded. Within one export a key already given gets b, c, … appended (`vaswani2017attentionb`).
 */

/** Words a key skips: articles, prepositions and other words that say nothing about the paper. */
const STOP_WORDS = new Set(
  (
    'a an the on of in for to and or with by at from into onto via is are be was were as its it this that these those ' +
    'do does can we you your our all not no toward towards how what why when which who where beyond through over under about upon vs versus'
  ).split(' '),
);

const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŋ: 'n' };

/** Lower-case ASCII letters and digits only: accents folded (é → e, ß → ss), everything else dropped. */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđðþıŋ]/g, (c) => LETTERS[c])
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/** The first word of `text` that is neither a stop word nor empty once folded. */
export function firstSignificantWord(text: string): string {
  for (const word of text.split(/[\s:;,.!?()[\]{}"/|+*=<>]+/)) {
    const folded = asciiFold(word);
    if (folded && !STOP_WORDS.has(folded)) return folded;
  }
  return '';
}

/** The year a paper came out, from its published date (else its last update). */
export function yearOf(p: Pick<ExportPaper, 'published' | 'updated'>): string | undefined {
  return /^(\d{4})/.exec(p.published ?? p.updated ?? '')?.[1];
}

function surname(p: ExportPaper): string {
  const name = p.authors?.length ? splitName(p.authors[0]) : null;
  if (!name) return '';
  // An organisation ("H1 Collaboration") is cited by its first word, as a person by the surname.
  return name.literal ? firstSignificantWord(name.family) : asciiFold(name.family);
}

/** b, c, … z, ba, bb, …: the suffix of the n-th repeat of a key. */
function suffix(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor(k / 26)) out = String.fromCharCode(97 + (k % 26)) + out;
  return out;
}

/** A key for `p`, unique within `taken` (which it joins). */
export function citationKey(p: ExportPaper, taken: Set<string> = new Set()): string {
  const base = `${surname(p)}${yearOf(p) ?? ''}${firstSignificantWord(p.plainTitle)}` || 'paper';
  let key = base;
  for (let n = 1; taken.has(key); n++) key = `${base}${suffix(n)}`;
  taken.add(key);
  return key;
}
