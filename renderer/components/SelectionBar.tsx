import { useApp } from '../store';
import { TagInput } from './TagInput';

/** Actions on a multi-selection: add to a list, tag, mark read, star, compare. */
export function SelectionBar() {
  const selectedIds = useApp((s) => s.selectedIds);
  const lists = useApp((s) => s.lists);
  const clearSelection = useApp((s) => s.clearSelection);
  const addToList = useApp((s) => s.addToList);
  const setStatus = useApp((s) => s.setStatus);
  const compare = useApp((s) => s.compare);
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
      <TagInput paperIds={selectedIds} label="Tag selection" placeholder="Tag…" />
      <button type="button" className="small" onClick={() => void setStatus(selectedIds, { state: 'read' })}>
        Mark read
      </button>
      <button type="button" className="small" onClick={() => void setStatus(selectedIds, { starred: true })}>
        Star
      </button>
      <button
        type="button"
        className="small"
        title="Fewer papers like these in “Best for you”"
        onClick={() => void setStatus(selectedIds, { notInterested: true })}
      >
        Not interested
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
