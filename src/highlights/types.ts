import type { HighlightColor } from '../api/vocabulary';

/** A W3C TextQuoteSelector (exact + context) plus the offsets it had when made, for speed. */
export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Highlight {
  id: string;
  paperId: string;
  quote: QuoteSelector;
  color: HighlightColor;
  comment: string;
  createdAt: string;
  updatedAt: string;
}
