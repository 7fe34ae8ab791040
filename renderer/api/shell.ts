import { webExportFolders } from './http';

/** What the desktop menu asks of the page. */
export type ShellCommand = 'export';

/**
 * What a shell offers beyond the contract: a folder to export Markdown into, so that it goes
 * straight into the reader's vault (and a re-export keeps their edits there). The Electron preload
 * sets one with a native folder dialog; in web mode there is one only when the server was started
 * with `--export-dir`, and then it always answers that folder. Otherwise exports are downloaded.
 */
export interface Shell {
  /** An absolute folder path, or null when the reader cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Set when there is no chooser, only this folder (web mode). */
  fixedFolder?: string;
  /** Menu commands from the desktop shell; returns the unsubscribe. */
  onCommand?(listener: (command: ShellCommand) => void): () => void;
}

declare global {
  interface Window {
    digestReaderShell?: Shell;
  }
}

let web: Shell | undefined;

/** Web mode: asks the server for the folder it may export into. */
export async function connectWebShell(): Promise<void> {
  if (window.digestReaderShell) return;
  const [folder] = await webExportFolders();
  if (folder) web = { chooseFolder: async () => folder, fixedFolder: folder };
}

export const shell = (): Shell | undefined => window.digestReaderShell ?? web;
