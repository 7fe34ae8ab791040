import type { QuoteSelector } from '../highlights/types';

/** A row the reader defines in a comparison (Method, Dataset, Speed-up…). */
export interface ComparisonAttribute {
  id: string;
  name: string;
}

/** One paper's value for one attribute: free text, or a quote of its abstract anchored like a highlight. */
export interface ComparisonCell {
  value: string;
  quote?: QuoteSelector;
  updatedAt: string;
}

export interface Comparison {
  id: string;
  name: string;
  /** False until the reader names it: the one comparison being put together. */
  saved: boolean;
  /** The columns, in order. A paper no longer in the library stays, shown as missing. */
  paperIds: string[];
  /** paper id → its title when added, to name a column whose paper went missing */
  titles: Record<string, string>;
  /** The attribute rows, in order. */
  attributes: ComparisonAttribute[];
  /** paper id → attribute id → cell */
  values: Record<string, Record<string, ComparisonCell>>;
  createdAt: string;
  updatedAt: string;
}
