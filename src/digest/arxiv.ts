import type { PaperIdentity, PaperLinks } from './types';

// The title and text helpers live beside their kind (latex.ts, text.ts); re-exported here so that
// the identity helpers a consumer needs come from one module.
export { plainTitle } from './latex';
export { joinWrapped } from './text';

/** An arXiv identifier: the base id without version, and the version when the source names one. */
export interface ArxivRef {
  id: string;
  version?: number;
}

// New style (since 2007-04): YYMM.NNNN (to 2014) or YYMM.NNNNN (from 2015), optional vN.
const NEW_ID = /^(\d{2})(0[1-9]|1[0-2])\.(\d{4,5})(?:v(\d{1,3}))?$/;
// Old style: archive[.SUBJ]/YYMMNNN, optional vN (hep-th/9901001v3, math.GT/0309136).
const OLD_ID = /^([a-z]+(?:-[a-z]+)*)(?:\.[A-Za-z]{2})?\/(\d{2}(?:0[1-9]|1[0-2])\d{3})(?:v(\d{1,3}))?$/;
const URL_PATH = /^(?:https?:\/\/)?(?:www\.|export\.|browse\.)?arxiv\.org\/(?:abs|pdf|html|format|ps)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i;
const HF_PATH = /^(?:https?:\/\/)?(?:www\.)?huggingface\.co\/papers\/([^?#/]+)\/?(?:[?#].*)?$/i;
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

function bare(id: string): ArxivRef | undefined {
  const n = NEW_ID.exec(id);
  if (n) {
    // Four-digit numbers belong to 2007-04 … 2014-12, five-digit ones to 2015 onwards.
    const yymm = Number(n[1] + n[2]);
    if ((n[3].length === 4) !== yymm < 1501 || yymm < 704) return undefined;
    return { id: `${n[1]}${n[2]}.${n[3]}`, version: n[4] ? Number(n[4]) : undefined };
  }
  const o = OLD_ID.exec(id);
  if (o) return { id: `${o[1]}/${o[2]}`, version: o[3] ? Number(o[3]) : undefined };
  return undefined;
}

/**
 * An arXiv id from any of the ways sources write it: `arXiv:2401.12345v2`, `2401.12345`,
 * `hep-th/9901001v3`, `oai:arXiv.org:2401.12345v1`, abs/pdf/html URLs (arxiv.org, www, export),
 * Hugging Face paper URLs, and arXiv's DOIs (`10.48550/arXiv.2401.12345`, also as a doi.org URL).
 */
export function parseArxivId(input: string | undefined | null): ArxivRef | undefined {
  if (typeof input !== 'string') return undefined;
  let s = input.trim();
  if (s.length === 0 || s.length > 300) return undefined;
  s = s.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  const doi = ARXIV_DOI.exec(s);
  if (doi) return bare(doi[1]);
  const url = URL_PATH.exec(s) ?? HF_PATH.exec(s);
  if (url) s = decodeURIComponent(url[1]);
  s = s.replace(/^oai:arxiv\.org:/i, '').replace(/^arxiv:\s*/i, '');
  return bare(s);
}

/**
 * A DOI as the library keys it: lower case, without `doi:` or the resolver's URL; undefined when
 * the text is not a DOI. Of several (arXiv's DOI field may list a paper's DOIs, space-separated),
 * the first.
 */
export function normaliseDoi(input: string | undefined | null): string | undefined {
  if (typeof input !== 'string') return undefined;
  const s = (
    input
      .trim()
      .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
      .replace(/^doi:\s*/i, '')
      .split(/\s+/)[0] ?? ''
  ).replace(/[,;]$/, '');
  let decoded = s;
  try {
    decoded = decodeURIComponent(s);
  } catch {
    // keep it as written
  }
  return /^10\.\d{4,9}\/\S+$/.test(decoded) ? decoded.toLowerCase() : undefined;
}

/**
 * Identity from a DOI: arXiv's own DOIs name the arXiv paper (so they become `arxivId`, as the
 * types promise); any other DOI stays a DOI.
 */
export function identityFromDoi(input: string | undefined | null): Pick<PaperIdentity, 'arxivId' | 'arxivVersion' | 'doi'> {
  const doi = normaliseDoi(input);
  if (!doi) return {};
  if (ARXIV_DOI.test(doi)) {
    const ref = parseArxivId(doi);
    return ref ? { arxivId: ref.id, arxivVersion: ref.version } : {};
  }
  return { doi };
}

/** An arXiv category (cs.CL, hep-th, physics.atom-ph), as opposed to an ACM or MSC class. */
export function isArxivCategory(term: string): boolean {
  return /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[a-z]+)*)?$/.test(term) && term.length <= 30;
}

/** The links arXiv gives every paper, unversioned unless a version is asked for. */
export function arxivLinks(id: string, version?: number): PaperLinks {
  const v = version ? `v${version}` : '';
  return { abs: `https://arxiv.org/abs/${id}${v}`, pdf: `https://arxiv.org/pdf/${id}${v}` };
}

/** A link as https when it is arXiv's or Hugging Face's (feeds still write http://arxiv.org). */
export function httpsLink(url: string | undefined): string | undefined {
  const u = url?.trim();
  if (!u || !/^https?:\/\/\S+$/i.test(u)) return undefined;
  return u.replace(/^http:\/\/((?:www\.|export\.)?arxiv\.org|huggingface\.co)\//i, 'https://$1/').replace('https://export.arxiv.org/', 'https://arxiv.org/');
}
