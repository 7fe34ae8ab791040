import type { Shell } from '../../src/api/bridge';
import { webExportFolders } from './http';

let web: Shell | undefined;

/** Web mode: asks the server for the folder it may export into (see Shell in src/api/bridge.ts). */
export async function connectWebShell(): Promise<void> {
  if (window.digestReaderShell) return;
  const [folder] = await webExportFolders();
  if (folder) web = { chooseFolder: async () => folder, fixedFolder: folder };
}

export const shell = (): Shell | undefined => window.digestReaderShell ?? web;
