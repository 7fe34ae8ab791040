import { useEffect, useState } from 'react';
import { useApp } from '../../store';
import { EditableNavRow } from '../NavRow';

/** The sidebar's saved comparisons: open, rename, delete (with undo). */
export function ComparisonsNav() {
  const comparisons = useApp((s) => s.comparisons);
  const view = useApp((s) => s.view);
  const openComparison = useApp((s) => s.openComparison);
  const renameComparison = useApp((s) => s.renameComparison);
  const deleteComparison = useApp((s) => s.deleteComparison);
  const loadComparisons = useApp((s) => s.loadComparisons);
  const [renaming, setRenaming] = useState<string | null>(null);

  useEffect(() => {
    void loadComparisons().catch(() => {});
  }, [loadComparisons]);

  return (
    <section aria-labelledby="comparisons-heading">
      <h2 className="nav-heading" id="comparisons-heading">
        Comparisons
      </h2>
      {comparisons.length === 0 ? (
        <p className="nav-empty">Select 2–6 papers (Ctrl/⌘-click) and press Compare.</p>
      ) : (
        <ul className="nav-list" aria-labelledby="comparisons-heading">
          {comparisons.map((c) => (
            <EditableNavRow
              key={c.id}
              nav={{
                current: view.kind === 'comparison' && view.id === c.id,
                onClick: () => openComparison(c.id),
                name: c.name,
                sub: c.missing > 0 ? `${c.missing} missing` : undefined,
                count: c.paperCount,
              }}
              editing={renaming === c.id}
              editLabel="Comparison name"
              onRename={(name) => renameComparison(c.id, name)}
              onEditEnd={() => setRenaming(null)}
              menuLabel={`Actions for comparison ${c.name}`}
              menu={[
                { label: 'Rename…', onSelect: () => setRenaming(c.id) },
                { label: 'Delete comparison', danger: true, onSelect: () => void deleteComparison(c.id) },
              ]}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
