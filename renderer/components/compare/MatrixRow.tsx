import type { ReactNode } from 'react';
import { useApp } from '../../store';
import type { MatrixColumn } from '../../store/compare-slice';

/** One empty array for selectors: a new `[]` each time would make every store update re-render forever. */
export const NONE: never[] = [];

/** One row: a fixed label on the left, a cell per paper. */
export function Row({
  label,
  sub,
  className = '',
  children,
}: {
  label: ReactNode;
  sub?: string;
  className?: string;
  children: (col: MatrixColumn) => ReactNode;
}) {
  const columns = useApp((s) => s.matrix?.columns ?? NONE);
  return (
    <tr className={className}>
      <th scope="row" className="cmp-label">
        {label}
        {sub && <span className="cmp-sub">{sub}</span>}
      </th>
      {columns.map((col) => (
        <td key={col.paperId} className={col.missing ? 'cmp-missing' : undefined}>
          {col.missing && !className.includes('cmp-attr') ? null : children(col)}
        </td>
      ))}
    </tr>
  );
}

export const Chips = ({ terms, label, className = '' }: { terms: string[]; label: string; className?: string }) =>
  terms.length === 0 ? (
    <span className="placeholder">—</span>
  ) : (
    <ul className={`chips cmp-chips ${className}`} aria-label={label}>
      {terms.map((t) => (
        <li key={t} className="chip">
          {t}
        </li>
      ))}
    </ul>
  );
