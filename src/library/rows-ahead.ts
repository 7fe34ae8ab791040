/**
 * A search's rows, begun before its answer. While the index's thread searches (about a millisecond
 * a key at 100,000 papers, the core's thread watching for the answer), the rows of the papers the
 * last key showed are made again with this key's words: typing on, 43% of a page stays in it (the
 * bench's workload). Made only until the answer is posted; the page then takes the row of each
 * paper still in it and makes the others as usual.
 */
export class RowsAhead<P, R> {
  #last: readonly P[] = [];

  /** Rows of the papers last shown, by paper, made by `row` while `waiting()`. */
  guess(waiting: () => boolean, row: (paper: P) => R): Map<P, R> {
    const made = new Map<P, R>();
    try {
      for (const paper of this.#last) {
        if (!waiting()) break;
        made.set(paper, row(paper));
      }
    } catch {
      // Met again, and reported, when the page makes the row.
    }
    return made;
  }

  /** The papers a search's first page showed: those the next key's guess makes rows for. */
  shown(papers: readonly P[]): void {
    this.#last = papers;
  }
}
