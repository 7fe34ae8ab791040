import type { ReactNode } from 'react';

type Range = [number, number];

/**
 * Digest titles carry LaTeX residue: super- and subscripts like `S$^4$C`, and font commands like
 * `$\scriptsize\mathtt{F}$Laws` (a pun on "flaws"). Show the first as such, the second as its
 * letters in that face; size commands are dropped.
 */
const LATEX = /\$(?:([\^_])\{?([^${}]{1,12})\}?|(?:\\[a-z]+\s*)*\\(?:math|text)(tt|rm|bf|it|sf)\{([^${}]{1,24})\})\$/g;

export function inlineLatex(text: string): ReactNode {
  if (!text.includes('$')) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(LATEX)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    if (m[3])
      parts.push(
        <span key={m.index} className={`latex-${m[3]}`}>
          {m[4]}
        </span>,
      );
    else parts.push(m[1] === '^' ? <sup key={m.index}>{m[2]}</sup> : <sub key={m.index}>{m[2]}</sub>);
    at = m.index + m[0].length;
  }
  if (at === 0) return text;
  parts.push(text.slice(at));
  return parts;
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
