import { ipcMain, MessageChannelMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { CoreClient } from '../src/desktop/core-client';
import { CONNECT_CORE, CORE_PORT } from '../src/desktop/core-protocol';
import { isOwnSender } from './policy';

/**
 * The page reaches the core over a MessagePort of its own, handed out here and only to the app's
 * own window (its top frame, showing the app): the core's end goes to the core process, the page's
 * end to the preload. 'choose-folder' is the shell's one extra: a folder dialog whose answer the
 * core is told to grant, the only place exports may be written. Other senders get nothing.
 */
export function connectIpc(core: CoreClient, ownWindow: () => BrowserWindow | undefined, chooseFolder: () => Promise<string | null>): void {
  const own = (e: IpcMainEvent | IpcMainInvokeEvent) =>
    isOwnSender({ webContentsId: e.sender.id, frameUrl: e.senderFrame?.url, isTopFrame: e.senderFrame?.parent === null }, ownWindow()?.webContents.id);
  ipcMain.on(CONNECT_CORE, (e) => {
    if (!own(e)) return;
    const { port1, port2 } = new MessageChannelMain();
    core.connect(port2);
    e.sender.postMessage(CORE_PORT, null, [port1]);
  });
  ipcMain.handle('choose-folder', async (e) => {
    const dir = own(e) ? await chooseFolder() : null;
    return dir && core.grant(dir).catch(() => null);
  });
}
