import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { formatDate } from '../format';
import type { PaperRow } from '../store/types';
import { Highlighted } from './Highlighted';

export function TagChips({ tags }: { tags: PaperRow['tags'] }) {
  if (tags.length === 0) return null;
  return (
    <span className="chips">
      {tags.map((t) => (
        <span key={t.id} className={`chip tag-${t.color}`} title={t.name}>
          <span className="chip-label">{t.name}</span>
        </span>
      ))}
    </span>
  );
}

interface Props extends HTMLAttributes<HTMLDivElement> {
  row: PaperRow;
  selected: boolean;
  checked: boolean;
  handle?: ReactNode;
}

/** One paper in a list: title, snippet, status, tags and where it came from. */
export const PaperRowView = forwardRef<HTMLDivElement, Props>(function PaperRowView({ row, selected, checked, handle, className = '', ...rest }, ref) {
  return (
    <div
      ref={ref}
      role="option"
      aria-selected={selected || checked}
      className={`paper-row${selected ? ' selected' : ''}${checked ? ' checked' : ''}${row.state === 'unread' ? ' unread' : ''} ${className}`}
      {...rest}
    >
      <div className="row-body">
        <div className="row-title">
          {row.state !== 'read' && <span className={`${row.state}-dot`} title={row.state === 'unread' ? 'Unread' : 'Reading'} aria-hidden="true" />}
          <Highlighted text={row.title} ranges={row.titleRanges} />
          {row.starred && (
            <span className="star-mark" aria-label="Starred" title="Starred">
              ★
            </span>
          )}
        </div>
        <RowByline row={row} />
        {row.reason && <div className="row-reason">{row.reason}</div>}
        {row.snippet.text && (
          <div className="row-snippet">
            <Highlighted text={row.snippet.text} ranges={row.snippet.ranges} />
          </div>
        )}
        <div className="row-meta">
          <TagChips tags={row.tags} />
          <span className="row-digest">{row.digests[0]?.name}</span>
          {row.digests.length > 1 && <span className="also"> +{row.digests.length - 1}</span>}
          <span aria-hidden="true"> · </span>
          <span>{formatDate(row.importedAt)}</span>
          {row.hasNote && (
            <span className="has-note" title="Has a note">
              {' '}
              · note
            </span>
          )}
          {row.state !== 'read' && <span className="visually-hidden">, {row.state}</span>}
        </div>
      </div>
      {handle}
    </div>
  );
});

/** Click on a row: plain opens it, Ctrl/Cmd toggles it in the selection, Shift extends the selection. */
export function clickMode(e: React.MouseEvent): 'open' | 'toggle' | 'range' {
  if (e.shiftKey) return 'range';
  if (e.ctrlKey || e.metaKey) return 'toggle';
  return 'open';
}

/** Who and when, where the source said: "Ada Lovelace, Alan Turing et al. · 5 Mar 2024 · cs.CL". */
function RowByline({ row }: { row: PaperRow }) {
  const parts: string[] = [];
  if (row.authors.length) parts.push(`${row.authors.join(', ')}${row.authorCount > row.authors.length ? ' et al.' : ''}`);
  if (row.published) parts.push(formatDate(row.published));
  if (row.category) parts.push(row.category);
  if (parts.length === 0) return null;
  return <div className="row-byline">{parts.join(' · ')}</div>;
}
