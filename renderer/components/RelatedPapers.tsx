import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useApp } from '../store';
import type { Api } from '../../src/api';
import { inlineLatex } from './Highlighted';

type Related = Api['papers.related']['result'];

/** The papers most like the open one, each with the terms they share. */
export function RelatedPapers({ paperId }: { paperId: string }) {
  const [related, setRelated] = useState<Related | null>(null);
  const openPaper = useApp((s) => s.openPaper);

  useEffect(() => {
    let live = true;
    setRelated(null);
    api.call('papers.related', { id: paperId }).then(
      (r) => live && setRelated(r),
      () => live && setRelated([]),
    );
    return () => {
      live = false;
    };
  }, [paperId]);

  if (!related) return null;
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading" className="section-heading">
        Related papers
      </h2>
      {related.length === 0 ? (
        <p className="placeholder">No paper in your library shares enough of this one’s distinctive terms.</p>
      ) : (
        <ul>
          {related.map((r) => (
            <li key={r.id}>
              <button type="button" className="related-open" onClick={() => void openPaper(r.id)}>
                {inlineLatex(r.title)}
              </button>
              <span className="shared" aria-label="Shared terms">
                {r.sharedTerms.map((t) => (
                  <span key={t} className="chip">
                    {t}
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
