import { app, dialog, type BrowserWindow } from 'electron';
import Store from 'electron-store';
import * as path from 'node:path';
import { FolderGrants } from '../src/boundary/folder-grants';
import { openCore, type Core } from '../src/core';
import { DIGEST_EXTENSION, digestPathsInArgv, importDigestFile } from '../src/desktop/open-file';
import { appPaths } from '../src/paths';
import { connectIpc } from './ipc';
import { setMenu, type MenuActions } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { denyPermissions, hardenWebContents } from './security';
import { createWindow, type WindowState } from './window';

type ShellState = { window: WindowState; recent: string[] };
const MAX_RECENT = 8;

registerAppScheme();
hardenWebContents();

// One instance, the only writer of the library; a second launch hands its files to this one.
if (!app.requestSingleInstanceLock()) app.quit();
else
  main().catch((error: Error) => {
    dialog.showErrorBox('Digest Reader could not start', error.message);
    app.exit(1);
  });

async function main() {
  let core: Core | undefined;
  let win: BrowserWindow | undefined;
  let pending = digestPathsInArgv(process.argv, process.cwd());
  const open = (file: string) => (core && win ? void importFile(file) : pending.push(file));
  app.on('open-file', (e, file) => {
    e.preventDefault(); // macOS: a file dropped on the dock icon or opened from the Finder
    open(file);
  });
  app.on('second-instance', (_e, argv, cwd) => {
    digestPathsInArgv(argv, cwd).forEach(open);
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });

  await app.whenReady();
  const store = new Store<ShellState>({ name: 'desktop', defaults: { window: {}, recent: [] } });
  const paths = appPaths(app.getAppPath(), app.isPackaged ? process.resourcesPath : undefined);
  core = await openCore({ dataDir: app.getPath('userData'), samplePath: paths.sample });
  denyPermissions();
  serveRenderer(paths.renderer);
  const chooseFolder = async () => {
    const picked = await dialog.showOpenDialog(win!, { title: 'Export into folder', properties: ['openDirectory', 'createDirectory'] });
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  };
  connectIpc(core, () => win, new FolderGrants(), chooseFolder);

  const importFile = async (file: string) => {
    if (!(await importDigestFile(core!, file)).ok) return;
    store.set('recent', [file, ...store.get('recent').filter((f) => f !== file)].slice(0, MAX_RECENT));
    app.addRecentDocument(file);
    setMenu(actions, store.get('recent'));
  };
  const actions: MenuActions = {
    async importDigest() {
      const filters = [
        { name: 'Digests', extensions: [DIGEST_EXTENSION.slice(1)] },
        { name: 'All files', extensions: ['*'] },
      ];
      const picked = await dialog.showOpenDialog(win!, { title: 'Import digest', properties: ['openFile', 'multiSelections'], filters });
      for (const file of picked.canceled ? [] : picked.filePaths) await importFile(file);
    },
    exportPapers: () => win?.webContents.send('shell', 'export'), // the page's Export dialog
    openRecent: (file) => void importFile(file),
    clearRecent() {
      store.set('recent', []);
      app.clearRecentDocuments();
      setMenu(actions, []);
    },
  };
  setMenu(actions, store.get('recent'));

  const openWindow = () => {
    win = createWindow(path.join(import.meta.dirname, 'preload.cjs'), store.get('window'), (state) => store.set('window', state));
    // Files named at launch are imported once the page is there to show their report.
    win.webContents.once('did-finish-load', () => {
      for (const file of pending) void importFile(file);
      pending = [];
    });
  };
  openWindow();
  app.on('activate', () => (win?.isDestroyed() ? openWindow() : win?.focus()));
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
  let closed = false;
  app.on('will-quit', (e) => {
    if (closed) return;
    e.preventDefault(); // the core finishes its writes and releases the library first
    void (async () => core!.close())().finally(() => ((closed = true), app.quit()));
  });
}
