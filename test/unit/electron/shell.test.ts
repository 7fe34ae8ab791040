// The desktop shell (electron/main.ts and the modules it wires), run under Node with `electron`
// and `electron-store` replaced by the test doubles in ./electron-double.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { openCore } from '../../../src/core';
import { CSP } from '../../../src/boundary/security';
import { SECOND, tempDir } from '../../helpers';
import { app, appRoot, electron, FakeBrowserWindow, FakeStore, ipcMain, protocol, userData } from './electron-double';
import { visibleBounds } from '../../../electron/window';

vi.mock('electron', async () => (await import('./electron-double')).electron);
vi.mock('electron-store', async () => ({ default: (await import('./electron-double')).FakeStore }));

const digests = tempDir('dr-digests-');
const launchFile = path.join(digests, 'launch digest.txt');
fs.writeFileSync(launchFile, SECOND);
let win: FakeBrowserWindow;

beforeAll(async () => {
  const argv = process.argv;
  process.argv = ['/opt/Digest Reader/digest-reader', launchFile]; // as if opened from the file manager
  try {
    await import('../../../electron/main');
  } finally {
    process.argv = argv;
  }
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), { timeout: 15_000 });
  win = FakeBrowserWindow.created[0];
});

const api = (
  name: unknown,
  arg: unknown,
  sender: { id: number } = win.webContents,
  frame: { url?: string; parent: unknown } | null = { url: win.url, parent: null },
) =>
  ipcMain.handlers.get('api')!({ sender, senderFrame: frame } as never, name as never, arg as never) as Promise<{
    ok: boolean;
    value?: never;
    error?: { code: string };
  }>;

const sentEvents = (name: string) => win.webContents.send.mock.calls.filter(([channel, event]) => channel === 'event' && event === name).map((call) => call[2]);
const prevented = () => ({ preventDefault: vi.fn() });
const fileMenu = () => (electron.Menu.template as MenuItemConstructorOptions[]).find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];

describe('the window', () => {
  it('is one window, isolated and sandboxed, showing the app over app://', () => {
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(win.options.webPreferences).toEqual({
      preload: path.resolve(import.meta.dirname, '../../../electron/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(win.url).toBe('app://digest-reader/index.html');
    expect(win.options.show).toBe(false); // shown when ready, without a white flash
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('remembers where it was left', () => {
    win.emit('close');
    expect(FakeStore.last!.data.window).toEqual({ bounds: { x: 40, y: 30, width: 1000, height: 700 }, maximized: false });
  });

  it('reopens there only if that place is still on a screen', () => {
    const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    const saved = { x: 100, y: 100, width: 800, height: 600 };
    expect(visibleBounds(saved, screens)).toEqual(saved);
    expect(visibleBounds({ ...saved, x: 2500 }, screens)).toBeUndefined(); // that monitor is gone
    expect(visibleBounds({ ...saved, y: -500 }, screens)).toBeUndefined(); // title bar out of reach
    expect(visibleBounds(undefined, screens)).toBeUndefined();
  });
});

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme before the app is ready, without CSP bypass', () => {
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  const get = (url: string, method = 'GET') => protocol.handlers.get('app')!({ url, method });

  it('serves the built renderer with the same CSP as web mode', async () => {
    const page = await get('app://digest-reader/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toBe(CSP);
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(page.headers.get('Content-Type')).toBe('text/html');
    expect(await page.text()).toContain('./assets/app.js');
    const script = await get('app://digest-reader/assets/app.js');
    expect(script.headers.get('Content-Type')).toBe('text/javascript');
  });

  it('refuses paths out of the renderer folder, other hosts, missing files and other methods', async () => {
    expect(fs.existsSync(path.join(appRoot, 'package.json'))).toBe(true);
    for (const url of [
      'app://digest-reader/..%2f..%2fpackage.json',
      'app://digest-reader/%2e%2e/%2e%2e/package.json',
      'app://other/index.html',
      'app://digest-reader/missing.js',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect((await get('app://digest-reader/index.html', 'POST')).status).toBe(404);
  });
});

describe('IPC', () => {
  it("answers the app's own page through the contract, with the sample digest from resources/", async () => {
    const res = await api('digests.list', {});
    expect(res.ok).toBe(true);
    expect(res.value).toMatchObject({ paperCount: expect.any(Number), digests: expect.arrayContaining([expect.objectContaining({ source: 'sample' })]) });
  });

  it('validates every argument with the same schemas as web mode', async () => {
    expect((await api('papers.get', { id: '../../etc/passwd' })).error?.code).toBe('invalid-argument');
    expect((await api('digests.import', { name: 1, text: 'x', source: 'file' })).error?.code).toBe('invalid-argument');
    expect((await api('__proto__', {})).error?.code).toBe('unknown-handler');
  });

  it('drops messages from other windows, from frames inside the page, and from pages navigated elsewhere', async () => {
    expect((await api('digests.list', {}, { id: 999 })).error?.code).toBe('refused');
    expect((await api('digests.list', {}, win.webContents, { url: win.url, parent: {} })).error?.code).toBe('refused');
    expect((await api('digests.list', {}, win.webContents, { url: 'https://evil.example/', parent: null })).error?.code).toBe('refused');
    expect((await api('digests.list', {}, win.webContents, null)).error?.code).toBe('refused');
  });
});

describe('opening digest files', () => {
  it('imports a file named at launch once the page has loaded, and tells the page', async () => {
    expect(sentEvents('import.finished')).toHaveLength(0);
    win.webContents.emit('did-finish-load');
    await vi.waitFor(() => expect(sentEvents('import.finished')).toHaveLength(1));
    expect(sentEvents('import.finished')[0]).toMatchObject({ name: 'launch digest', error: null, report: { digest: { name: 'launch digest' } } });
    expect(sentEvents('library.changed').length).toBeGreaterThan(0); // the core's events reach the page
  });

  it('lists imported files under File → Recent Digests and with the OS', () => {
    expect(app.addRecentDocument).toHaveBeenCalledWith(launchFile);
    const recent = fileMenu().find((m) => m.label === 'Recent Digests')!.submenu as MenuItemConstructorOptions[];
    expect(recent[0]).toMatchObject({ label: 'launch digest.txt', toolTip: launchFile });
  });

  it('takes the files of a second launch, and brings the window forward', async () => {
    const file = path.join(digests, 'again.txt');
    fs.writeFileSync(file, 'A paper opened from a second launch\nIts abstract, long enough to be a paper of the digest.\n');
    app.emit('second-instance', {}, ['/opt/Digest Reader/digest-reader', '--some-switch', 'again.txt'], digests);
    expect(win.focused).toBe(true);
    await vi.waitFor(() => expect(sentEvents('import.finished')).toHaveLength(2));
    expect(sentEvents('import.finished')[1]).toMatchObject({ name: 'again' });
  });

  it('imports what File → Import Digest… picks, and reports a file it cannot read', async () => {
    const item = fileMenu().find((m) => m.label === 'Import Digest…')!;
    expect(item.accelerator).toBe('CmdOrCtrl+O');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path.join(digests, 'vanished.txt')] });
    item.click!(undefined as never, undefined, undefined as never);
    await vi.waitFor(() => expect(sentEvents('import.finished')).toHaveLength(3));
    expect(sentEvents('import.finished')[2]).toMatchObject({ name: 'vanished', report: null, error: expect.stringMatching(/does not exist/) });
  });

  it("has the usual menus; File → Export… opens the page's Export dialog", () => {
    const roles = (electron.Menu.template as MenuItemConstructorOptions[]).map((m) => m.role ?? m.label);
    expect(roles).toEqual(expect.arrayContaining(['&File', 'editMenu', 'viewMenu', 'windowMenu', 'help']));
    const item = fileMenu().find((m) => m.label === 'Export…')!;
    expect(item).toMatchObject({ accelerator: 'CmdOrCtrl+E' });
    item.click!(undefined as never, undefined, undefined as never);
    expect(win.webContents.send).toHaveBeenLastCalledWith('shell', 'export');
  });
});

describe('exporting into a folder', () => {
  const chooseFolder = (sender: { id: number } = win.webContents) =>
    ipcMain.handlers.get('choose-folder')!({ sender, senderFrame: { url: win.url, parent: null } } as never) as Promise<string | null>;
  const vault = path.join(tempDir('dr-vaults-'), 'My vault');
  const scope = { kind: 'paper', ids: [] as string[] };

  it('writes only into the folder the reader picked in the dialog', async () => {
    scope.ids = [((await api('papers.query', { limit: 1 })).value as unknown as { items: { id: string }[] }).items[0].id];
    expect((await api('export.markdown', { scope, outDir: vault })).error?.code).toBe('folder-not-chosen');
    expect(fs.existsSync(vault)).toBe(false);

    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [vault] });
    expect(await chooseFolder()).toBe(vault);
    expect(electron.dialog.showOpenDialog.mock.lastCall![1]).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
    const res = await api('export.markdown', { scope, outDir: `${vault}${path.sep}.` }); // the same folder, spelled otherwise
    expect(res).toMatchObject({ ok: true, value: { count: 1 } });
    expect(fs.readdirSync(vault)).toHaveLength(1);
    expect((await api('export.bibtex', { scope, outDir: path.dirname(vault) })).error?.code).toBe('folder-not-chosen');
  });

  it('grants nothing when the dialog is cancelled or asked by another window', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await chooseFolder()).toBeNull();
    const calls = electron.dialog.showOpenDialog.mock.calls.length;
    expect(await chooseFolder({ id: 999 })).toBeNull();
    expect(electron.dialog.showOpenDialog.mock.calls.length).toBe(calls); // no dialog for a stranger
  });
});

describe('navigation, windows, webviews and permissions', () => {
  it('keeps the page in the app and hands safe links to the OS browser', () => {
    const e = prevented();
    win.webContents.emit('will-navigate', e, 'https://arxiv.org/abs/2401.00001');
    expect(e.preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).toHaveBeenLastCalledWith('https://arxiv.org/abs/2401.00001');

    electron.shell.openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'http://example.com/', 'smb://host/share']) {
      const nav = prevented();
      win.webContents.emit('will-navigate', nav, url);
      expect(nav.preventDefault).toHaveBeenCalled();
      expect(win.webContents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it('refuses webviews and every permission request', () => {
    const e = prevented();
    win.webContents.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
    const answer = vi.fn();
    electron.session.defaultSession.permissionRequest!({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(electron.session.defaultSession.permissionCheck!({}, 'clipboard-read')).toBe(false);
  });
});

describe('quitting', () => {
  it('lets the core finish and release the library before the app exits', async () => {
    const e = prevented();
    app.emit('will-quit', e);
    expect(e.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    const again = await openCore({ dataDir: userData }); // the lock is free again
    await again.close();
  });
});

afterAll(() => {
  fs.rmSync(digests, { recursive: true, force: true });
});
