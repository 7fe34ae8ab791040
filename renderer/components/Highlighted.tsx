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

export function inlineLatex(text: string): ReactNode {
  if (!text.includes('$') && !text.includes('\\')) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  const spans = [...text.matchAll(MATH_SPAN), ...text.matchAll(TEXT_FACE)].sort((a, b) => a.index - b.index);
  for (const m of spans) {
    if (m.index < at) continue; // inside a span already shown
    const node = m[0].startsWith('$') ? (
      mathSpan(m)
    ) : (
      <span className={`latex-${TEXT_FACE_CLASS[m[1]] ?? 'rm'}`} data-tex={m[0]}>
        {m[2]}
      </span>
    );
    if (!node) continue;
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push(<Fragment key={m.index}>{node}</Fragment>);
    at = m.index + m[0].length;
  }
  if (at === 0) return text;
  parts.push(text.slice(at));
  return parts;
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

/** Text with the given character ranges wrapped in <mark>: plain React nodes, never HTML. */
export function Highlighted({ text, ranges }: { text: string; ranges: Range[] }) {
  if (ranges.length === 0) return <>{inlineLatex(text)}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(<span key={`t${i}`}>{inlineLatex(text.slice(at, start))}</span>);
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(<span key="end">{inlineLatex(text.slice(at))}</span>);
  return <>{parts}</>;
}
