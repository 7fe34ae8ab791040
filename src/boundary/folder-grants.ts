import * as path from 'node:path';
import type { Envelope, Handler } from '../api/contract';

/**
 * The folders a page may have the core write into. A page (web or desktop) names a folder in a
 * call's `outDir`; it is written only if the person chose that folder outside the page: in the
 * desktop's folder dialog or with `--export-dir` for web mode. So a page that misbehaves cannot
 * scatter files across the disk. The command line is not a page and is not limited by this.
 */
export class FolderGrants {
  readonly #dirs = new Set<string>();

  constructor(dirs: readonly string[] = []) {
    dirs.forEach((d) => this.grant(d));
  }

  /** Allows writes into `dir` (absolute, as the person chose it); returns it resolved. */
  grant(dir: string): string {
    const resolved = path.resolve(dir);
    this.#dirs.add(resolved);
    return resolved;
  }

  list(): string[] {
    return [...this.#dirs];
  }

  /**
   * Why a call may not run, or undefined when it names no folder, or its handler writes into a
   * chosen folder and this one was chosen. Only Markdown exports do (their managed regions keep
   * what the reader wrote); BibTeX and CSV are downloaded from a page: written into a folder, they
   * would replace a file of the same name there.
   */
  refusal(h: Handler, arg: unknown): Envelope | undefined {
    const dir = (arg as { outDir?: unknown } | null)?.outDir;
    if (dir === undefined) return undefined;
    if (h.writesIntoChosenFolder && typeof dir === 'string' && this.#dirs.has(path.resolve(dir))) return undefined;
    return {
      ok: false,
      error: { code: 'folder-not-chosen', message: 'Digest Reader writes only Markdown, and only into a folder you chose for it. Choose the folder again.' },
    };
  }
}
