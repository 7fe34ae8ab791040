import { useEffect, useState } from 'react';
import { useApp } from '../../store';
import { InlineEdit, Menu } from '../Menu';

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
            <li key={c.id} className="nav-row">
              {renaming === c.id ? (
                <InlineEdit initial={c.name} label="Comparison name" onSave={(name) => renameComparison(c.id, name)} onCancel={() => setRenaming(null)} />
              ) : (
                <>
                  <button
                    type="button"
                    className="nav-item"
                    aria-current={view.kind === 'comparison' && view.id === c.id ? 'page' : undefined}
                    title={c.name}
                    onClick={() => openComparison(c.id)}
                  >
                    <span className="nav-name">
                      <span className="nav-label">{c.name}</span>
                      {c.missing > 0 && <span className="nav-sub">{c.missing} missing</span>}
                    </span>
                    <span className="count" aria-label={`${c.paperCount} papers`}>
                      {c.paperCount}
                    </span>
                  </button>
                  <Menu label={`Actions for comparison ${c.name}`} className="ghost icon row-menu" items={[
                    { label: 'Rename…', onSelect: () => setRenaming(c.id) },
                    { label: 'Delete comparison', danger: true, onSelect: () => void deleteComparison(c.id) },
                  ]}>
                    ⋯
                  </Menu>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
