export interface ReadingList {
  id: string;
  name: string;
  /** The list's own order of papers. */
  paperIds: string[];
  createdAt: string;
  builtIn?: boolean;
}
