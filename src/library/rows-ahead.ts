/**
 * A search's rows, begun before its answer. While the index's thread searches (about a millisecond
 * a key at 100,000 papers, the core's thread watching for the answer), the rows of the papers the
 * last key showed are made again with this key's words: typing on, 43% of a page stays in it (the
 * bench's workload). Made only until the answer is posted; the page then takes the row of each
 * paper still in it, if the reader's data has not changed meanwhile, and makes the others as usual.
 */
export class RowsAhead<P, R> {
  #last: readonly P[] = [];

  /**
   * Rows of the papers last shown, made by `row` while `waiting()` with the reader's data at
   * `revision`: the row made for a paper, as long as the data is still at that revision.
   */
  guess(waiting: () => boolean, row: (paper: P) => R, revision: number): (paper: P, now: number) => R | undefined {
    const made = new Map<P, R>();
    try {
      for (const paper of this.#last) {
        if (!waiting()) break;
        made.set(paper, row(paper));
      }
    } catch {
      // Left to the page: a paper still in it meets the failure again, and reports it.
    }
    return (paper, now) => (now === revision ? made.get(paper) : undefined);
  }

  /** The papers a search's first page showed: those the next key's guess makes rows for. */
  shown(papers: readonly P[]): void {
    this.#last = papers;
  }
}
