import { useEffect, useState } from 'react';
import { useApp } from '../../store';
import { comparisonHoldsAtMost, MAX_PAPERS } from '../../../src/api/vocabulary';
import type { Matrix } from '../../store/compare-slice';
import { InlineEdit, Menu } from '../Menu';
import { ComparisonTable } from './ComparisonTable';
import { MarkdownDialog } from './MarkdownDialog';

/** A comparison in place of the list and the reader: its toolbar and its table. */
export function ComparisonView({ id }: { id: string }) {
  const matrix = useApp((s) => s.matrix);
  const error = useApp((s) => s.matrixError);
  const loadMatrix = useApp((s) => s.loadMatrix);
  const setView = useApp((s) => s.setView);

  useEffect(() => {
    void loadMatrix(id);
  }, [id, loadMatrix]);

  if (error) {
    return (
      <section className="comparison comparison-empty" aria-label="Comparison">
        <div className="empty" role="alert">
          <h2>This comparison cannot be shown</h2>
          <p>{error}</p>
          <button type="button" onClick={() => setView({ kind: 'all' })}>
            Back to all papers
          </button>
        </div>
      </section>
    );
  }
  if (!matrix || matrix.id !== id) {
    return <section className="comparison comparison-empty" aria-label="Comparison" aria-busy="true" />;
  }
  return (
    <section className="comparison" aria-labelledby="comparison-title">
      <Toolbar matrix={matrix} />
      <ComparisonTable matrix={matrix} />
    </section>
  );
}

function Toolbar({ matrix }: { matrix: Matrix }) {
  const renameComparison = useApp((s) => s.renameComparison);
  const deleteComparison = useApp((s) => s.deleteComparison);
  const openPicker = useApp((s) => s.openPicker);
  const setView = useApp((s) => s.setView);
  const [naming, setNaming] = useState(false);
  const [exporting, setExporting] = useState(false);
  const full = matrix.columns.length >= MAX_PAPERS;

  return (
    <header className="cmp-toolbar">
      <div className="cmp-title">
        {naming ? (
          <InlineEdit
            initial={matrix.saved ? matrix.name : ''}
            label="Comparison name"
            onSave={(name) => renameComparison(matrix.id, name)}
            onCancel={() => setNaming(false)}
          />
        ) : (
          <>
            <h2 id="comparison-title" title={matrix.name}>
              {matrix.name}
            </h2>
            {!matrix.saved && <span className="cmp-draft">not saved</span>}
          </>
        )}
        <span className="cmp-count">{matrix.columns.length} papers</span>
      </div>
      <div className="cmp-actions">
        {!matrix.saved ? (
          <button type="button" className="primary small" onClick={() => setNaming(true)}>
            Save comparison…
          </button>
        ) : null}
        <button
          type="button"
          className="small"
          aria-disabled={full}
          title={full ? comparisonHoldsAtMost : 'Add papers to compare'}
          onClick={() => (full ? useApp.getState().notify(comparisonHoldsAtMost, { tone: 'error' }) : openPicker({ mode: 'add' }))}
        >
          Add paper…
        </button>
        <button type="button" className="small" onClick={() => setExporting(true)}>
          Export Markdown
        </button>
        <Menu
          label="More actions for this comparison"
          className="ghost icon"
          items={[
            ...(matrix.saved ? [{ label: 'Rename…', onSelect: () => setNaming(true) }] : []),
            { label: 'Delete comparison', danger: true, onSelect: () => void deleteComparison(matrix.id) },
          ]}
        >
          ⋯
        </Menu>
        <button type="button" className="ghost small" onClick={() => setView({ kind: 'all' })}>
          Close
        </button>
      </div>
      <MarkdownDialog open={exporting} onClose={() => setExporting(false)} />
    </header>
  );
}
