import { MATH_SPAN } from '../api/vocabulary';
import { normaliseSpace } from './text';

/**
 * LaTeX in titles and names. Two uses: BibTeX's escaping is decoded (accents, `\&`, grouping
 * braces) while maths stays LaTeX in the title; and `plainTitle` flattens everything for file
 * names, CSV, search tokens and keys.
 */

// Accent commands and the combining mark each one puts on its letter.
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
};
// Letters written as commands.
const LETTERS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
};

// Never after a backslash: `\\` is TeX's line break, and what follows it is text.
const SYMBOL_ACCENT = /(?<!\\)\\(['`^"~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))/g;
const LETTER_ACCENT = /(?<!\\)\\([uvHckrdb])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+(\\?[A-Za-z]))/g;
const LETTER_COMMAND = /(?<!\\)\\(ss|ae|AE|oe|OE|aa|AA|[oOlLij])(?![A-Za-z])[ \t]*(?:\{\})?/g;

function accented(mark: string, letter: string): string {
  const base = letter === '\\i' ? 'i' : letter === '\\j' ? 'j' : letter.replace(/^\\/, '');
  return (base + mark).normalize('NFC');
}

/** Accents and letter commands to Unicode: `\'e`, `\'{e}`, `{\"o}`, `\c{c}`, `\ss` → é, é, ö, ç, ß. */
export function decodeAccents(text: string): string {
  if (!text.includes('\\')) return text;
  return text
    .replace(SYMBOL_ACCENT, (whole, cmd: string, braced?: string, bare?: string) => accented(ACCENTS[cmd], braced ?? bare ?? ''))
    .replace(LETTER_ACCENT, (whole, cmd: string, braced?: string, bare?: string) => accented(ACCENTS[cmd], braced ?? bare ?? ''))
    .replace(LETTER_COMMAND, (whole, cmd: string) => LETTERS[cmd]);
}

/** `decodeAccents` outside maths, which is kept as written (arXiv writes `Schr\\"odinger`). */
export function decodeTextAccents(text: string): string {
  if (!text.includes('\\')) return text;
  return mathRuns(text)
    .map((run) => (run.math ? run.source : decodeAccents(run.text)))
    .join('');
}

interface Run {
  math: boolean;
  /** Without the dollars. */
  text: string;
  /** As written, dollars included. */
  source: string;
}

/**
 * Splits text into runs outside and inside maths: as the page reads dollars (MATH_SPAN, where a
 * dollar that opens nothing is text), or as TeX does (BibTeX is LaTeX source: every unescaped `$`
 * or `$$` opens or closes, `$ x $` included).
 */
function mathRuns(text: string, rule: 'page' | 'tex' = 'page'): Run[] {
  if (rule === 'tex') return texRuns(text);
  const runs: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(MATH_SPAN)) {
    const before = text.slice(at, m.index);
    if (before) runs.push({ math: false, text: before, source: before });
    runs.push({ math: true, text: m[1] ?? m[2], source: m[0] });
    at = m.index + m[0].length;
  }
  const rest = text.slice(at);
  if (rest || runs.length === 0) runs.push({ math: false, text: rest, source: rest });
  return runs;
}

function texRuns(text: string): Run[] {
  const runs: Run[] = [];
  let start = 0;
  let open = -1;
  let openLength = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== '$') continue;
    const length = text[i + 1] === '$' ? 2 : 1;
    if (open < 0) {
      open = i;
      openLength = length;
    } else {
      if (open > start) runs.push({ math: false, text: text.slice(start, open), source: text.slice(start, open) });
      runs.push({ math: true, text: text.slice(open + openLength, i), source: text.slice(open, i + length) });
      start = i + length;
      open = -1;
    }
    i += length - 1;
  }
  // A `$` never closed is text (LaTeX would fail on it).
  const rest = text.slice(start);
  if (rest || runs.length === 0) runs.push({ math: false, text: rest, source: rest });
  return runs;
}

/** Removes braces that only group or protect case ({LLM}), keeping those that hold a command's argument. */
function dropGroupingBraces(text: string): string {
  let out = '';
  const keep: boolean[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      out += ch + text[i + 1];
      i++;
      continue;
    }
    if (ch === '{') {
      const tail = out.slice(-64); // only the end matters; testing all of `out` would be quadratic
      const argument = /\\[A-Za-z]+\s*$/.test(tail) || /[\^_]$/.test(tail);
      keep.push(argument);
      if (argument) out += ch;
    } else if (ch === '}') {
      if (keep.pop()) out += ch;
    } else out += ch;
  }
  return out;
}

/**
 * A BibTeX field as text: accents and escapes decoded, grouping braces removed, `{\em x}` read as x,
 * maths (`$…$`) and commands such as `\textbf{X}` kept as LaTeX, whitespace normalised.
 */
export function decodeBibtexText(value: string): string {
  const runs = mathRuns(value, 'tex').map((run) => {
    if (run.math) return run.source;
    const text = decodeAccents(run.text)
      .replace(/\{\\(?:em|it|bf|sc|rm|tt|sl|sf)\s+/g, '{')
      .replace(/\\([&%#_$])/g, '$1')
      .replace(/~/g, ' ')
      .replace(/\\\\/g, ' ');
    // Escaped braces are text: unescaped only once the grouping braces are gone.
    return dropGroupingBraces(text)
      .replace(/\\([{}])/g, '$1')
      .replace(TEXT_SYMBOL, (whole, name: string) => TEXT_SYMBOLS[name]);
  });
  return normaliseSpace(runs.join(''));
}

/** Text-mode commands for the characters LaTeX reserves, as exports write them (`\textbackslash{}`). */
const TEXT_SYMBOLS: Record<string, string> = {
  textbackslash: '\\',
  textasciicircum: '^',
  textasciitilde: '~',
  textless: '<',
  textgreater: '>',
  textbraceleft: '{',
  textbraceright: '}',
  textunderscore: '_',
  textdollar: '$',
};
const TEXT_SYMBOL = new RegExp(`\\\\(${Object.keys(TEXT_SYMBOLS).join('|')})(?:\\{\\}|(?![A-Za-z])\\s?)`, 'g');

const SYMBOLS: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  ell: 'ℓ',
  infty: '∞',
  sim: '~',
  approx: '≈',
  times: '×',
  cdot: '·',
  pm: '±',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  partial: '∂',
  nabla: '∇',
  in: '∈',
  circ: '∘',
  ldots: '…',
  dots: '…',
  cdots: '⋯',
  star: '⋆',
  dagger: '†',
  prime: '′',
  '%': '%',
  '&': '&',
  '#': '#',
  _: '_',
  $: '$',
  textendash: '–',
  textemdash: '—',
};

/** Flattens one run of LaTeX to letters: commands with an argument become the argument. */
function flattenLatex(text: string, math: boolean): string {
  let t = text;
  // \cmd{X} → X, repeatedly for nesting (\mathbf{\hat{x}}).
  for (let i = 0; i < 5 && /\\[A-Za-z]+\s*\{/.test(t); i++) t = t.replace(/\\[A-Za-z]+\*?\s*\{([^{}]*)\}/g, '$1');
  t = t.replace(/\\([A-Za-z]+|[%&#_$])/g, (whole, name: string) => SYMBOLS[name] ?? (!math && /^(La)?TeX$/.test(name) ? name : ''));
  if (math) t = t.replace(/[\^_]/g, '').replace(/\s+/g, '');
  return t.replace(/[{}]/g, '');
}

/**
 * The plain-text title for file names, CSV, search tokens and keys: LaTeX flattened
 * (`S$^4$C` → `S4C`, `$\mathtt{F}$Laws` → `FLaws`, `\textbf{X}` → `X`, `\'e` → `é`, `--` → `–`).
 */
export function plainTitle(title: string): string {
  const runs = mathRuns(decodeAccents(title)).map((run) => {
    if (run.math) return flattenLatex(run.text, true);
    const text = run.text.replace(/---/g, '—').replace(/--/g, '–').replace(/~/g, ' ').replace(/``|''/g, '"');
    return flattenLatex(text, false);
  });
  return normaliseSpace(runs.join(''));
}
