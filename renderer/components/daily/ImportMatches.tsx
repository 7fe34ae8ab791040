import { useApp } from '../../store';
import type { ImportReport } from '../../store/types';
import { importMatchLine } from '../../daily';
import { inlineLatex } from '../Highlighted';

/** In an import's report: "7 of 119 match your interests", which smart lists, and the papers by title (each opens). */
export function ImportMatches({ report }: { report: ImportReport }) {
  const openPaper = useApp((s) => s.selectRow);
  const openImport = useApp((s) => s.openImport);
  const total = report.digest?.paperCount ?? 0;
  const line = importMatchLine(report.matchedPapers, total);
  if (!line) return null;
  return (
    <details className="interests" open>
      <summary>
        <strong>{line}</strong>
        <span className="muted"> ({report.matches.map((m) => m.name).join(', ')})</span>
      </summary>
      <ul>
        {report.matchedTitles.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="link"
              onClick={() => {
                openImport(false);
                openPaper(p.id, 'open');
              }}
            >
              {inlineLatex(p.title)}
            </button>
          </li>
        ))}
        {report.matchedPapers > report.matchedTitles.length && <li className="muted">and {report.matchedPapers - report.matchedTitles.length} more</li>}
      </ul>
    </details>
  );
}
