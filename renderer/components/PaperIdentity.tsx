import { useState } from 'react';
import { useApp } from '../store';
import { formatDate } from '../format';
import { paperLinks } from '../paper-links';
import type { PaperView } from '../store/types';

/** Authors shown before "and N more": a long collaboration stays one line or two. */
const SHOWN_AUTHORS = 12;

/** Who wrote the paper, when and where it appeared, its ids, and the links out. */
export function PaperIdentity({ paper }: { paper: PaperView }) {
  return (
    <div className="paper-identity">
      <Authors paper={paper} />
      <PaperFacts paper={paper} />
      <PaperLinks paper={paper} />
    </div>
  );
}

/** Each author opens all their papers in the library. */
function Authors({ paper }: { paper: PaperView }) {
  const [all, setAll] = useState(false);
  const showAuthor = useShowFacet();
  const authors = paper.authors ?? [];
  if (authors.length === 0) return null;
  const shown = all ? authors : authors.slice(0, SHOWN_AUTHORS);
  return (
    <p className="byline" aria-label="Authors">
      {shown.map((name, i) => (
        <span key={`${i}-${name}`}>
          {i > 0 && ', '}
          <button type="button" className="link-button" title={`All papers by ${name}`} onClick={() => showAuthor({ author: name })}>
            {name}
          </button>
        </span>
      ))}
      {authors.length > shown.length && (
        <>
          {' '}
          <button type="button" className="link-button muted" onClick={() => setAll(true)}>
            and {authors.length - shown.length} more
          </button>
        </>
      )}
    </p>
  );
}

/** Dates, version, ids, categories and what the source said of the paper, as one line. */
function PaperFacts({ paper }: { paper: PaperView }) {
  const showCategory = useShowFacet();
  const latest = paper.versions?.at(-1);
  const categories = [...new Set([...(paper.primaryCategory ? [paper.primaryCategory] : []), ...(paper.categories ?? [])])];
  const facts: React.ReactNode[] = [];
  if (paper.published) facts.push(<span key="published">Published {formatDate(paper.published)}</span>);
  if (latest && latest.version > 1)
    facts.push(
      <span key="version" className="version-note">
        Updated to v{latest.version}
        {latest.date ? ` on ${formatDate(latest.date)}` : ''}
      </span>,
    );
  if (paper.arxivId) facts.push(<span key="arxiv">arXiv:{paper.arxivId}</span>);
  if (paper.doi) facts.push(<span key="doi">doi:{paper.doi}</span>);
  if (paper.upvotes !== undefined) facts.push(<span key="upvotes">▲ {paper.upvotes.toLocaleString()} on Hugging Face</span>);
  if (facts.length === 0 && categories.length === 0 && !paper.comment && !paper.journalRef) return null;
  return (
    <div className="paper-facts">
      {facts.length > 0 && (
        <p className="facts-line">
          {facts.map((f, i) => (
            <span key={i}>
              {i > 0 && <span aria-hidden="true"> · </span>}
              {f}
            </span>
          ))}
        </p>
      )}
      {categories.length > 0 && (
        <ul className="chips category-chips" aria-label="Categories">
          {categories.map((c) => (
            <li key={c}>
              <button type="button" className="chip category-chip" title={`Papers in ${c}`} onClick={() => showCategory({ category: c })}>
                {c}
              </button>
            </li>
          ))}
        </ul>
      )}
      {paper.journalRef && <p className="facts-note">Published in {paper.journalRef}</p>}
      {paper.comment && <p className="facts-note">{paper.comment}</p>}
    </div>
  );
}

/** Buttons out: arXiv, PDF, Hugging Face, code, project, DOI; or searches for the title elsewhere. */
function PaperLinks({ paper }: { paper: PaperView }) {
  const { links, found } = paperLinks(paper);
  return (
    <nav className="paper-links" aria-label={found ? 'Open the paper' : 'Find the paper'}>
      {!found && <span className="muted">Find it on</span>}
      {links.map((l) => (
        <a key={l.href} className="button small" href={l.href} target="_blank" rel="noopener noreferrer" title={l.title}>
          {l.label}
          <span aria-hidden="true"> ↗</span>
        </a>
      ))}
    </nav>
  );
}

/** Shows all papers of an author or category: the facet set over all papers, the search cleared. */
function useShowFacet() {
  const setView = useApp((s) => s.setView);
  const setFacets = useApp((s) => s.setFacets);
  const setQuery = useApp((s) => s.setQuery);
  return (facet: { author?: string; category?: string }) => {
    setQuery('');
    setView({ kind: 'all' });
    setFacets(facet);
  };
}
