import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../src/boundary/dispatch';
import type { Envelope } from '../src/api/contract';
import type { FolderGrants } from '../src/boundary/folder-grants';
import type { Core } from '../src/core';
import { isOwnSender } from './policy';

const refused: Envelope = { ok: false, error: { code: 'refused', message: 'Only the Digest Reader window may use the library.' } };

/**
 * The contract over IPC: calls come in on 'api' and go through the same validating `dispatch` as
 * web mode; the core's events go out on 'event'. 'choose-folder' is the shell's one extra: a folder
 * dialog whose answer becomes the only place exports may be written. Other senders are dropped.
 */
export function connectIpc(core: Core, ownWindow: () => BrowserWindow | undefined, grants: FolderGrants, chooseFolder: () => Promise<string | null>): void {
  const own = (e: IpcMainInvokeEvent) =>
    isOwnSender({ webContentsId: e.sender.id, frameUrl: e.senderFrame?.url, isTopFrame: e.senderFrame?.parent === null }, ownWindow()?.webContents.id);
  ipcMain.handle('api', (e, name: unknown, arg: unknown) => (own(e) ? dispatch(core.handlers, name, arg, grants) : refused));
  ipcMain.handle('choose-folder', async (e) => {
    const dir = own(e) ? await chooseFolder() : null;
    return dir && grants.grant(dir);
  });
  core.events.onAny((event, payload) => {
    const win = ownWindow();
    if (win && !win.isDestroyed()) win.webContents.send('event', event, payload);
  });
}
