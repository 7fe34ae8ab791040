import type { PaperView } from './store/types';

export interface PaperLink {
  label: string;
  href: string;
  /** Says what the link does, for a screen reader and the tooltip. */
  title: string;
}

const enc = encodeURIComponent;

/**
 * Where a paper can be opened: its arXiv page and PDF, its Hugging Face page, code and project
 * page, its DOI. With no id at all, searches for its title on arXiv, Hugging Face and Semantic
 * Scholar instead. Only https links: the desktop opens them in the system browser after its own check.
 */
export function paperLinks(p: Pick<PaperView, 'arxivId' | 'doi' | 'links' | 'plainTitle'>): { links: PaperLink[]; found: boolean } {
  const links: PaperLink[] = [];
  const add = (label: string, href: string | undefined, title: string) => {
    if (href && /^https:\/\//i.test(href) && !links.some((l) => l.href === href)) links.push({ label, href, title });
  };
  const id = p.arxivId;
  add('arXiv', p.links?.abs ?? (id && `https://arxiv.org/abs/${id}`), 'The paper’s page on arXiv');
  add('PDF', p.links?.pdf ?? (id && `https://arxiv.org/pdf/${id}`), 'The paper’s PDF');
  add('Hugging Face', p.links?.hf ?? (id && `https://huggingface.co/papers/${id}`), 'The paper’s page on Hugging Face');
  add('Code', p.links?.code, 'The paper’s code');
  add('Project', p.links?.project, 'The project’s page');
  if (p.doi) add('DOI', `https://doi.org/${p.doi}`, `The published version (doi:${p.doi})`);
  if (links.length > 0) return { links, found: true };
  const q = enc(p.plainTitle);
  return {
    found: false,
    links: [
      { label: 'arXiv', href: `https://arxiv.org/search/?query=${q}&searchtype=title`, title: 'Find this title on arXiv' },
      { label: 'Hugging Face', href: `https://huggingface.co/papers?q=${q}`, title: 'Find this title on Hugging Face' },
      { label: 'Semantic Scholar', href: `https://www.semanticscholar.org/search?q=${q}`, title: 'Find this title on Semantic Scholar' },
    ],
  };
}
