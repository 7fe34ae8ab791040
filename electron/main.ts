import { app, dialog, utilityProcess, type BrowserWindow } from 'electron';
import Store from 'electron-store';
import * as path from 'node:path';
import { CoreClient, coreProcessEntry } from '../src/desktop/core-client';
import { CORE_RESTARTED } from '../src/desktop/core-protocol';
import { DIGEST_EXTENSION, digestPathsInArgv } from '../src/desktop/launch-files';
import { appPaths, dataDirIsChosen, defaultDataDir } from '../src/paths';
import { CORE_V8_SWITCH } from '../src/shared/core-flags';
import { connectIpc } from './ipc';
import { setMenu, type MenuActions } from './menu';
import { notifyFetched } from './notify';
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
  let win: BrowserWindow | undefined;
  let pending: string[] | undefined = digestPathsInArgv(process.argv, process.cwd()); // until the core and the page are there
  const open = (file: string) => (pending ? pending.push(file) : void importFile(file));
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
  // The core runs in its own process, so a long import or export never freezes the window or menus.
  const core = new CoreClient({
    fork: () => utilityProcess.fork(coreProcessEntry(), [], { serviceName: 'Digest Reader core', execArgv: [CORE_V8_SWITCH] }),
    // The library folder shared with web mode and the command line; an earlier version's, in userData, moves there once.
    open: { dataDir: defaultDataDir(), oldDir: dataDirIsChosen() ? undefined : app.getPath('userData'), samplePath: paths.sample },
    onRestart: () => win?.webContents.send(CORE_RESTARTED),
    onFetched: ({ summary }) => notifyFetched(summary, () => win),
    onFatal(message) {
      dialog.showErrorBox('Digest Reader stopped', `${message}\n\nYour library is saved as it was after the last change that went through.`);
      app.quit();
    },
  });
  let closed = false;
  app.on('will-quit', (e) => {
    if (closed) return;
    e.preventDefault(); // the core finishes its writes and releases the library first
    void core.close().finally(() => ((closed = true), app.quit()));
  });
  denyPermissions();
  serveRenderer(paths.renderer);
  const chooseFolder = async () => {
    const picked = await dialog.showOpenDialog(win!, { title: 'Export into folder', properties: ['openDirectory', 'createDirectory'] });
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  };
  connectIpc(core, () => win, chooseFolder);

  const importFile = async (file: string) => {
    if (!(await core.importFile(file))) return;
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

  const openWindow = () => (win = createWindow(path.join(import.meta.dirname, 'preload.cjs'), store.get('window'), (state) => store.set('window', state)));
  openWindow();
  const loaded = new Promise<void>((resolve) => win!.webContents.once('did-finish-load', () => resolve()));
  app.on('activate', () => (win?.isDestroyed() ? openWindow() : win?.focus()));
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());

  const { notice } = await core.ready.catch(async (error: Error) => {
    await core.close();
    throw error;
  });
  if (notice) void dialog.showMessageBox(win!, { type: notice.level, message: 'Your library', detail: notice.message });
  // Files named at launch are imported once the page is there to show their report.
  await loaded;
  const files = pending;
  pending = undefined;
  for (const file of files) void importFile(file);
}
