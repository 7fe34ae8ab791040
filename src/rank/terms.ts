/**
 * The words a paper is described by for ranking, as arxiv-sanity's TfidfVectorizer reads them:
 * lower-case, accents off, tokens that start with a letter and have two characters or more
 * (`[a-z_][a-z0-9_]+`: "kv", "gpt4"; not "4" or "x"), English stop words out. Bigrams are formed
 * over what is left, as scikit-learn does after removing stop words.
 */
import { STOP_WORDS } from '../search/stop-words';

const NON_ASCII = /\P{ASCII}/u;
const TOKEN = /\b[a-z_][a-z0-9_]+\b/g;

/** Words frequent in every abstract that the search's list keeps (it serves phrase search too). */
const EXTRA_STOP = [
  'also',
  'however',
  'thus',
  'therefore',
  'via',
  'us',
  'may',
  'might',
  'must',
  'would',
  'could',
  'shall',
  'within',
  'without',
  'upon',
  'yet',
  'et',
  'al',
];
const STOP: ReadonlySet<string> = new Set([...STOP_WORDS, ...EXTRA_STOP]);

/** Addresses ("code at https://github.com/…") say where, not what: their pieces would be terms of every paper with code. */
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;

export function rankTokens(text: string): string[] {
  // Folding accents costs twice the tokenising; most abstracts are plain ASCII and skip it.
  const plain = text.includes('://') || text.includes('www.') ? text.replace(URL, ' ') : text;
  const folded = (NON_ASCII.test(plain) ? plain.normalize('NFD').replace(/\p{M}/gu, '') : plain).toLowerCase();
  const out: string[] = [];
  for (const t of folded.match(TOKEN) ?? []) if (!STOP.has(t)) out.push(t);
  return out;
}

const WORD_OR_MARK = /[a-z0-9_]+|[^\sa-z0-9_-]/g;
const TERM = /^[a-z_][a-z0-9_]+$/;

/**
 * The same words as `rankTokens`, in runs that stop at a stop word or a punctuation mark: the
 * phrases a reader would see in the text ("kv cache" in "the kv cache, and language models", but
 * not "cache language"). For terms shown to the reader (trends); features keep scikit-learn's way.
 */
export function termRuns(text: string): string[][] {
  const plain = text.includes('://') || text.includes('www.') ? text.replace(URL, ' ') : text;
  const folded = (NON_ASCII.test(plain) ? plain.normalize('NFD').replace(/\p{M}/gu, '') : plain).toLowerCase();
  const runs: string[][] = [];
  let run: string[] = [];
  for (const [t] of folded.matchAll(WORD_OR_MARK)) {
    if (TERM.test(t) && !STOP.has(t)) run.push(t);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}
