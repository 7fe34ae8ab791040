import { useRef } from 'react';
import { useApp } from '../store';

/** Actions on a multi-selection: add to a list, tag, mark read, star, compare. */
export function SelectionBar() {
  const selectedIds = useApp((s) => s.selectedIds);
  const lists = useApp((s) => s.lists);
  const clearSelection = useApp((s) => s.clearSelection);
  const addToList = useApp((s) => s.addToList);
  const setStatus = useApp((s) => s.setStatus);
  const addTags = useApp((s) => s.addTags);
  const compare = useApp((s) => s.compare);
  const tagRef = useRef<HTMLInputElement>(null);
  if (selectedIds.length === 0) return null;
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selection">
      <strong>{selectedIds.length} selected</strong>
      <select aria-label="Add selection to list" value="" onChange={(e) => e.target.value && void addToList(e.target.value, selectedIds)}>
        <option value="">Add to list…</option>
        {lists.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const value = tagRef.current?.value ?? '';
          void addTags(selectedIds, value.split(',')).then(() => {
            if (tagRef.current) tagRef.current.value = '';
          });
        }}
      >
        <input ref={tagRef} aria-label="Tag selection" placeholder="Tag…" list="tag-names" />
      </form>
      <button type="button" className="small" onClick={() => void setStatus(selectedIds, { state: 'read' })}>
        Mark read
      </button>
      <button type="button" className="small" onClick={() => void setStatus(selectedIds, { starred: true })}>
        Star
      </button>
      <button type="button" className="small" title="Compare 2 to 6 papers side by side" onClick={() => void compare(selectedIds)}>
        Compare
      </button>
      <button type="button" className="ghost small" onClick={clearSelection}>
        Clear
      </button>
    </div>
  );
}
