/**
 * Field values for BibTeX. Two kinds of text go in:
 *
 * - LaTeX-bearing text (titles and abstracts from arXiv): its LaTeX stays LaTeX (`$…$` maths,
 *   `\textbf{…}`, accents), while what would break LaTeX outside maths is escaped (`&`, `%`, `#`,
 *   a bare `_` or `^`), maths symbols written outside maths (`\pm`) are put in maths, unknown
 *   commands such as `C:\Windows` are made literal, and braces are balanced (BibTeX counts every
 *   brace, escaped or not).
 * - Plain text (the reader's note, tag names): every special character escaped, so it reads back as written.
 */

import { MATH_SPAN } from '../api/vocabulary';

const PLAIN: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // In LaTeX's default font encoding a bare < or > prints as ¡ or ¿.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Plain text as a field value: every LaTeX special escaped (so braces always balance), whitespace collapsed. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}$&%#_^~<>]/g, (c) => PLAIN[c]);
}

/** Text-mode commands kept outside maths; any other `\name` there is taken as literal text (a path, a macro of the paper's own). */
const TEXT_COMMANDS = new Set(
  (
    'textbf textit textsc texttt textsf textrm textsl textup textmd textnormal emph underline mbox text ' +
    'ss o O ae AE oe OE aa AA l L i j u v H c k r d b t ' +
    'LaTeX TeX LaTeXe ldots dots textendash textemdash textquoteleft textquoteright textquotedblleft textquotedblright ' +
    'textless textgreater textbackslash textasciicircum textasciitilde textbar textbullet textdegree textregistered texttrademark copyright ' +
    'textbraceleft textbraceright textunderscore textdollar S P dag ddag ' +
    'scriptsize tiny small footnotesize large Large normalsize bf it em sc tt rm sf sl'
  ).split(' '),
);

/** Maths symbols that abstracts use outside maths (`0.30 \pm 0.04`): wrapped in `$…$`, where LaTeX accepts them. */
const MATH_SYMBOLS = new Set(
  (
    'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi varphi chi psi omega ' +
    'Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega ell infty sim simeq approx times cdot pm mp leq le geq ge neq ll gg equiv propto ' +
    'to rightarrow leftarrow Rightarrow Leftarrow leftrightarrow mapsto partial nabla in notin subset subseteq cup cap circ cdots star prime forall exists emptyset'
  ).split(' '),
);

/** Control symbols: a backslash and one non-letter (`\&`, `\'`, `\ `). */
const CONTROL_SYMBOLS = new Set([...'&%#_$\'`^"~=.,;:!{} -/\\@|']);

/** Characters that break LaTeX unless escaped, in text and in maths. */
const ALWAYS = new Set(['&', '%', '#']);

type Piece = { text: string; brace?: '{' | '}'; math: boolean; delimiter?: boolean };

/**
 * The `$` and `$$` that delimit maths, by offset, as the page reads them (MATH_SPAN); any other
 * dollar is money, written as `\$`.
 */
function mathDelimiters(input: string): Map<number, number> {
  const found = new Map<number, number>();
  for (const m of input.matchAll(MATH_SPAN)) {
    const length = m[1] === undefined ? 1 : 2;
    found.set(m.index, length);
    found.set(m.index + m[0].length - length, length);
  }
  return found;
}

/** Splits LaTeX into escaped pieces, tracking `$…$` maths; unbalanced braces are resolved afterwards. */
function pieces(input: string): Piece[] {
  const out: Piece[] = [];
  const delimiters = mathDelimiters(input);
  let math = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === '\\') {
      const name = /^[A-Za-z]+/.exec(input.slice(i + 1, i + 40))?.[0];
      if (name) {
        const text = math || TEXT_COMMANDS.has(name) ? `\\${name}` : MATH_SYMBOLS.has(name) ? `$\\${name}$` : `\\textbackslash{}${name}`;
        out.push({ text, math });
        i += name.length;
      } else if (i + 1 < input.length && CONTROL_SYMBOLS.has(input[i + 1])) {
        // `\{` and `\}` are braces to BibTeX as well: kept as pieces so that their balance is checked.
        const next = input[i + 1];
        out.push({ text: `\\${next}`, math, ...(next === '{' || next === '}' ? { brace: next } : {}) });
        i++;
      } else out.push({ text: '\\textbackslash{}', math });
      continue;
    }
    const delimiter = delimiters.get(i);
    if (delimiter) {
      math = !math;
      out.push({ text: '$'.repeat(delimiter), math: true, delimiter: true });
      i += delimiter - 1;
      continue;
    }
    if (ch === '$') out.push({ text: '\\$', math });
    else if (ch === '{' || ch === '}') out.push({ text: ch, brace: ch, math });
    else if (ALWAYS.has(ch)) out.push({ text: `\\${ch}`, math });
    else if (!math && ch === '_') out.push({ text: '\\_', math });
    else if (!math && ch === '^') out.push({ text: '\\textasciicircum{}', math });
    else if (!math && (ch === '<' || ch === '>')) out.push({ text: PLAIN[ch], math });
    else out.push({ text: ch, math });
  }
  return out;
}

const BRACE_WORD: Record<'{' | '}', [text: string, math: string]> = {
  '{': ['\\textbraceleft{}', '\\lbrace{}'],
  '}': ['\\textbraceright{}', '\\rbrace{}'],
};

/**
 * Replaces braces that have no partner with commands that print them, so that what is left always
 * balances. A maths run is a scope of its own (a group may hold maths, but may not end inside it).
 */
function balance(list: Piece[], escaped: boolean): void {
  const text: number[] = [];
  let math: number[] | null = null;
  const orphan = (i: number) => (list[i] = { text: BRACE_WORD[list[i].brace!][list[i].math ? 1 : 0], math: list[i].math });
  for (const [i, p] of list.entries()) {
    if (p.delimiter) {
      if (math) math.forEach(orphan);
      math = math ? null : [];
      continue;
    }
    if (!p.brace || p.text.startsWith('\\') !== escaped) continue;
    const open = math ?? text;
    if (p.brace === '{') open.push(i);
    else if (open.length) open.pop();
    else orphan(i);
  }
  [...text, ...(math ?? [])].forEach(orphan);
}

/** LaTeX-bearing text as a field value: LaTeX kept, what would break it escaped, braces balanced. */
export function latexField(text: string): string {
  const list = pieces(text.replace(/\s+/g, ' ').trim());
  balance(list, false); // grouping braces, as LaTeX pairs them
  balance(list, true); // escaped braces: BibTeX counts these too
  return list.map((p) => p.text).join('');
}
