/** What a smart list does to each new paper it matches, at import and fetch. */
export interface SmartRule {
  /** A tag name, created if missing. */
  tag?: string;
  /** A reading list's id. */
  listId?: string;
  star?: boolean;
}

/** A saved search: a name and a query in the smart-list syntax (kept in its canonical form). */
export interface SmartList {
  id: string;
  name: string;
  query: string;
  createdAt: string;
  /** When the reader last looked at it: papers that arrived later are "new". */
  seenAt: string;
  rule?: SmartRule;
}
