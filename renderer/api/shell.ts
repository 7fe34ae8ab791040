/**
 * What a desktop shell offers beyond the contract: a native folder chooser, so that a Markdown
 * export goes straight into the reader's vault (and a re-export keeps their edits there). The
 * Electron preload sets it; in web mode it is absent and exports are downloaded instead.
 */
export interface Shell {
  /** An absolute folder path, or null when the reader cancelled. */
  chooseFolder(): Promise<string | null>;
}

declare global {
  interface Window {
    digestReaderShell?: Shell;
  }
}

export const shell = (): Shell | undefined => window.digestReaderShell;
