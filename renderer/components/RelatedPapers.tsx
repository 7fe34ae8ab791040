import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useApp } from '../store';
import type { Api } from '../../src/api';
import { inlineLatex } from './Highlighted';

type Related = Api['papers.related']['result'];

/** The papers most like the open one, each with the terms they share. */
export function RelatedPapers({ paperId }: { paperId: string }) {
  // Kept with the paper it is for, so another paper's list never shows while this one loads.
  const [related, setRelated] = useState<{ paperId: string; papers: Related } | null>(null);
  const openPaper = useApp((s) => s.openPaper);

  useEffect(() => {
    let live = true;
    api.call('papers.related', { id: paperId }).then(
      (papers) => live && setRelated({ paperId, papers }),
      () => live && setRelated({ paperId, papers: [] }),
    );
    return () => {
      live = false;
    };
  }, [paperId]);

  if (related?.paperId !== paperId) return null;
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading" className="section-heading">
        Related papers
      </h2>
      {related.papers.length === 0 ? (
        <p className="placeholder">No paper in your library shares enough of this one’s distinctive terms.</p>
      ) : (
        <ul>
          {related.papers.map((r) => (
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
