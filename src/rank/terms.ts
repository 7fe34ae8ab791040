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

/**
 * Words every abstract uses whatever its subject ("we propose a novel approach based on…",
 * "results show…", "significantly"). The model may keep them as features (their weights are near
 * zero), but a term shown to the reader (a reason, a rising trend) never names one, alone or in
 * a phrase. The one list for both.
 */
const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    'ability able about above absolute achieve achieved achieves achieving across additional address addresses ' +
    'advance advances all allow allowing allows along although among analysis analyze approach approaches ' +
    'art available based baseline baselines better between beyond both broad capabilities capability challenge ' +
    'challenges challenging code common compared comparison comprehensive conduct consistently contribution ' +
    'contributions current demonstrate demonstrated demonstrates design designed despite different due during ' +
    'effective effectively effectiveness efficiently enable enables enabling enhance enhanced enhances enhancing ' +
    'ensure especially even evaluate evaluated evaluation existing experiment experimental experiments explore ' +
    'extensive extensively fail findings first focus framework frameworks further furthermore given great ' +
    'greatly help high higher highly however identify illustrate impact improve improved improvement ' +
    'improvements improves improving including increasing introduce introduced introduces key large largely ' +
    'lead leading leads leverage leverages leveraging limited lower main making many method methods moreover ' +
    'much multiple namely new notably novel often one outperform outperforming outperforms overall paper ' +
    'particular particularly perform performance performs potential present presents previous prior problem ' +
    'problems products promising propose proposed proposes provide provides providing quickly range recent ' +
    'recently remain remains respectively result results reveal reveals robust several show showing shown shows ' +
    'significant significantly simple since specific specifically state strong study studies substantial ' +
    'substantially suggest superior task tasks three toward towards two typically understanding use used ' +
    'useful uses using various well whether wide widely work works'
  ).split(' '),
);

/** Whether a term (a word or a phrase) may be shown to the reader: no generic word in it. */
export function isShownTerm(term: string): boolean {
  return term.split(' ').every((w) => !GENERIC_WORDS.has(w));
}

/** The words and two-word phrases a text has as a reader sees them (see `termRuns`). */
export function phrasesOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of termRuns(text))
    for (let i = 0; i < run.length; i++) {
      out.add(run[i]);
      if (i > 0) out.add(`${run[i - 1]} ${run[i]}`);
    }
  return out;
}

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
