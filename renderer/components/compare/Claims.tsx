import { useState, type ReactNode } from 'react';
import type { MatrixColumn } from '../../store/compare-slice';
import { segments } from '../../text-segments';

const CLAIMS_SHOWN = 4;

/** `text[from, to)` with the shared terms that fall in it marked. */
function withTerms(text: string, from: number, to: number, terms: [number, number][]): ReactNode[] {
  const inside = terms.filter(([s, e]) => s < to && e > from).map(([s, e]): [number, number] => [Math.max(s, from) - from, Math.min(e, to) - from]);
  return segments(text.slice(from, to), inside, []).map((seg) =>
    seg.search ? (
      <mark key={from + seg.start} className="cmp-term">
        {seg.text}
      </mark>
    ) : (
      seg.text
    ),
  );
}

/** A claim: each figure in bold, the shared terms marked as in the abstract. Plain React nodes, never HTML. */
function ClaimText({ claim }: { claim: MatrixColumn['claims'][number] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of claim.figures) {
    parts.push(...withTerms(claim.text, at, start, claim.termRanges));
    parts.push(
      <strong key={`f${start}`} className="cmp-figure">
        {withTerms(claim.text, start, end, claim.termRanges)}
      </strong>,
    );
    at = end;
  }
  parts.push(...withTerms(claim.text, at, claim.text.length, claim.termRanges));
  return <>{parts}</>;
}

/** A few claims, so a very long abstract does not stretch the row; the rest on demand. */
export function Claims({ claims, hasAbstract }: { claims: MatrixColumn['claims']; hasAbstract: boolean }) {
  const [all, setAll] = useState(false);
  if (claims.length === 0) return <span className="placeholder">{hasAbstract ? 'No figures or comparisons in the abstract.' : 'No abstract.'}</span>;
  const shown = all ? claims : claims.slice(0, CLAIMS_SHOWN);
  return (
    <>
      <ul className="cmp-claims" aria-label="Key claims">
        {shown.map((c, i) => (
          <li key={i}>
            <ClaimText claim={c} />
          </li>
        ))}
      </ul>
      {claims.length > CLAIMS_SHOWN && (
        <button type="button" className="ghost small cmp-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Fewer claims' : `${claims.length - CLAIMS_SHOWN} more claims`}
        </button>
      )}
    </>
  );
}
