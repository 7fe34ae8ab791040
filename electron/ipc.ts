import { ipcMain, type BrowserWindow } from 'electron';
import { dispatch } from '../src/api/dispatch';
import type { Envelope } from '../src/api/contract';
import type { Core } from '../src/core';
import { isOwnSender } from './policy';

const refused: Envelope = { ok: false, error: { code: 'refused', message: 'Only the Digest Reader window may use the library.' } };

/**
 * The contract over IPC: calls come in on 'api' and go through the same validating `dispatch` as
 * web mode; the core's events go out on 'event'. Messages from any other sender are dropped.
 */
export function connectIpc(core: Core, ownWindow: () => BrowserWindow | undefined): void {
  ipcMain.handle('api', (e, name: unknown, arg: unknown) => {
    const sender = { webContentsId: e.sender.id, frameUrl: e.senderFrame?.url, isTopFrame: e.senderFrame?.parent === null };
    return isOwnSender(sender, ownWindow()?.webContents.id) ? dispatch(core.handlers, name, arg) : refused;
  });
  core.events.onAny((event, payload) => {
    const win = ownWindow();
    if (win && !win.isDestroyed()) win.webContents.send('event', event, payload);
  });
}
