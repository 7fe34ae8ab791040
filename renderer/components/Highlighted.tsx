import { Fragment, type ReactNode } from 'react';
import { MATH_SPAN } from '../../src/api/vocabulary';
import { mathNodes, type MathNode } from '../inline-math';

type Range = [number, number];

/**
 * Titles and abstracts carry LaTeX: font commands like `$\scriptsize\mathtt{F}$Laws` (a pun on
 * "flaws") are shown as their letters in that face; other inline maths (`S$^4$C`, `$2.26\times$`,
 * `$O(n^2)$`) as text with symbols, super- and subscripts (see inline-math.ts), or as its source
 * when it holds what cannot be shown. Dollars are maths as Pandoc reads them (MATH_SPAN: "$5 and
 * $10" stays money), as the core reads them for exports. Each formula keeps its source in
 * `data-tex`, so that a selection across it is measured in the text's own characters (selection.ts).
 */
const FACE = /^(?:\\[a-z]+\s*)*\\(?:math|text)(tt|rm|bf|it|sf)\{([^${}]{1,24})\}$/;
/** Text in a face outside maths (`\textbf{agentic supernet}`, `\emph{e.g.}`), as arXiv and Hugging Face send it: shown in that face. */
const TEXT_FACE = /(?<!\\)\\(textbf|textit|emph|texttt|textsf|textrm|textsc|underline)\{([^${}\\]{1,300})\}/g;
const TEXT_FACE_CLASS: Record<string, string> = { textbf: 'bf', textit: 'it', emph: 'it', texttt: 'tt', textsf: 'sf' };

/** A piece of LaTeX shown whole: a formula, or text in a face (`inner`: where its text is, which marks may fall in). */
interface Piece {
  at: number;
  end: number;
  inner?: [number, number];
  render: (content?: ReactNode) => ReactNode;
}

function latexPieces(text: string): Piece[] {
  if (!text.includes('$') && !text.includes('\\')) return [];
  const pieces: Piece[] = [];
  let at = 0;
  const spans = [...text.matchAll(MATH_SPAN), ...text.matchAll(TEXT_FACE)].sort((a, b) => a.index - b.index);
  for (const m of spans) {
    if (m.index < at) continue; // inside a piece already
    const end = m.index + m[0].length;
    if (m[0].startsWith('$')) {
      const node = mathSpan(m);
      if (node) pieces.push({ at: m.index, end, render: () => node });
      else continue;
    } else {
      const from = m.index + m[0].indexOf('{') + 1;
      const face = (content?: ReactNode) => (
        <span className={`latex-${TEXT_FACE_CLASS[m[1]] ?? 'rm'}`} data-tex={m[0]}>
          {content ?? m[2]}
        </span>
      );
      pieces.push({ at: m.index, end, inner: [from, from + m[2].length], render: face });
    }
    at = end;
  }
  return pieces;
}

export function inlineLatex(text: string): ReactNode {
  return Highlighted({ text, ranges: [] });
}

/** `text` from `from` to `to`, the parts in `ranges` wrapped in <mark>. */
function marked(text: string, from: number, to: number, ranges: Range[]): ReactNode[] {
  const out: ReactNode[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    const s = Math.max(start, at);
    const e = Math.min(end, to);
    if (e <= s) continue;
    if (s > at) out.push(text.slice(at, s));
    out.push(<mark key={s}>{text.slice(s, e)}</mark>);
    at = e;
  }
  if (at < to) out.push(text.slice(at, to));
  return out;
}

/** A formula as letters in a face, or as text with symbols; undefined when it holds what cannot be shown. */
function mathSpan(m: RegExpMatchArray): ReactNode {
  const tex = m[1] ?? m[2];
  const face = FACE.exec(tex);
  if (face)
    return (
      <span className={`latex-${face[1]}`} data-tex={m[0]}>
        {face[2]}
      </span>
    );
  const nodes = mathNodes(tex);
  return (
    nodes && (
      <span className="math" title={m[0]} data-tex={m[0]}>
        {renderMath(nodes)}
      </span>
    )
  );
}

function renderMath(nodes: MathNode[]): ReactNode[] {
  return nodes.map((n, i) => (typeof n === 'string' ? n : 'sup' in n ? <sup key={i}>{renderMath(n.sup)}</sup> : <sub key={i}>{renderMath(n.sub)}</sub>));
}

/**
 * Text with the given character ranges wrapped in <mark>: plain React nodes, never HTML. A mark in
 * text in a face is marked inside it; one that touches a formula marks the formula whole.
 */
export function Highlighted({ text, ranges }: { text: string; ranges: Range[] }) {
  const pieces = latexPieces(text);
  if (pieces.length === 0 && ranges.length === 0) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const p of pieces) {
    parts.push(...marked(text, at, p.at, ranges));
    const node = p.inner ? p.render(marked(text, p.inner[0], p.inner[1], ranges)) : p.render();
    const touched = !p.inner && ranges.some(([start, end]) => start < p.end && end > p.at);
    parts.push(<Fragment key={`l${p.at}`}>{touched ? <mark>{node}</mark> : node}</Fragment>);
    at = p.end;
  }
  parts.push(...marked(text, at, text.length, ranges));
  return <>{parts}</>;
}
