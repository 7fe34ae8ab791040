// The desktop shell (electron/main.ts and the modules it wires, with the real preload), run under
// Node with `electron` and `electron-store` replaced by the test doubles in ./electron-double.ts.
// The core runs in the double's utility process (a worker thread) and is reached only through ports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { Envelope, EventName, Events } from '../../../src/api';
import { openCore } from '../../../src/core';
import { CONNECT_CORE, CORE_PORT, CORE_RESTARTED } from '../../../src/desktop/core-protocol';
import { MOVED_NOTE } from '../../../src/storage/library-move';
import { defaultDataDir } from '../../../src/paths';
import { CSP } from '../../../src/boundary/security';
import { SAMPLE_PATH, SECOND, tempDir } from '../../helpers';
import { startFixtureServer } from '../../helpers/fixture-server';
import {
  app,
  appRoot,
  contextBridge,
  electron,
  FakeBrowserWindow,
  FakeNotification,
  FakeStore,
  FakeUtilityProcess,
  ipcMain,
  ipcRenderer,
  protocol,
  userData,
  utilityProcess,
} from './electron-double';
import { visibleBounds } from '../../../electron/window';

vi.mock('electron', async () => (await import('./electron-double')).electron);
vi.mock('electron-store', async () => ({ default: (await import('./electron-double')).FakeStore }));
// The core starts in a worker from source (tsx) and indexes in another: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });
const SLOW = { timeout: 90_000 };

const digests = tempDir('dr-digests-');
const launchFile = path.join(digests, 'launch digest.txt');
fs.writeFileSync(launchFile, SECOND);
// A home of its own: the library folder is worked out from it, as for web mode and the command line.
const env = { ...process.env };
const home = tempDir('dr-home-');
Object.assign(process.env, { HOME: home, XDG_DATA_HOME: path.join(home, 'data'), APPDATA: path.join(home, 'AppData') });
delete process.env.DIGEST_READER_DATA;
const libraryDir = defaultDataDir();

type Transport = {
  invoke(name: string, arg: unknown): Promise<Envelope<never>>;
  subscribe(listener: (event: EventName, payload: Events[EventName]) => void): () => void;
};
const vault = path.join(tempDir('dr-vaults-'), 'My vault');
const scope = { kind: 'paper', ids: [] as string[] };
let win: FakeBrowserWindow;
let page: Transport;
const received: [EventName, unknown][] = [];

beforeAll(async () => {
  // A library left by an earlier version in Electron's userData folder, with the sample digest.
  const earlier = await openCore({ dataDir: userData, samplePath: SAMPLE_PATH });
  await earlier.close();
  const argv = process.argv;
  process.argv = ['/opt/Digest Reader/digest-reader', launchFile]; // as if opened from the file manager
  try {
    await import('../../../electron/main');
  } finally {
    process.argv = argv;
  }
  await vi.waitFor(() => expect(FakeBrowserWindow.created).toHaveLength(1), SLOW);
  win = FakeBrowserWindow.created[0];
  ipcRenderer.attach(win.webContents); // the preload runs in this window
  await import('../../../electron/preload');
  page = contextBridge.exposed.get('digestReader') as Transport;
  page.subscribe((event, payload) => received.push([event, payload]));
});

const api = (name: unknown, arg: unknown) => page.invoke(name as string, arg);
const codeOf = (res: Envelope<unknown>) => (res.ok ? 'ok' : res.error.code);
const sentEvents = (name: string) => received.filter(([event]) => event === name).map(([, payload]) => payload);
const prevented = () => ({ preventDefault: vi.fn() });
const fileMenu = () => (electron.Menu.template as MenuItemConstructorOptions[]).find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];
const portsSent = () => win.webContents.postMessage.mock.calls.filter(([channel]) => channel === CORE_PORT).length;

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

describe('the core in its own process', () => {
  it('runs in a utility process that the main process starts; the page reaches it over its own port', async () => {
    expect(utilityProcess.fork).toHaveBeenCalledTimes(1);
    expect(utilityProcess.fork.mock.calls[0][0]).toBe(path.resolve(import.meta.dirname, '../../../src/desktop/core-process.ts'));
    expect(utilityProcess.fork.mock.calls[0][2]).toMatchObject({ serviceName: 'Digest Reader core' });
    await vi.waitFor(() => expect(portsSent()).toBe(1), SLOW);
  });

  it('moves the earlier desktop library out of userData into the library folder, once, and says so', async () => {
    await vi.waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1), SLOW);
    const [, box] = electron.dialog.showMessageBox.mock.calls[0] as unknown as [unknown, { type: string; detail: string }];
    expect(box).toMatchObject({ type: 'info', detail: expect.stringContaining(libraryDir) });
    expect(fs.existsSync(path.join(libraryDir, 'userdata.json'))).toBe(true);
    expect(fs.existsSync(path.join(userData, 'userdata.json'))).toBe(false);
    expect(fs.readFileSync(path.join(userData, MOVED_NOTE), 'utf8')).toContain(libraryDir);
  });

  it('answers the page through the contract, from the moved library', async () => {
    const res = await api('digests.list', {});
    expect(res.ok).toBe(true);
    expect(res.ok && res.value).toMatchObject({
      paperCount: expect.any(Number),
      digests: expect.arrayContaining([expect.objectContaining({ source: 'sample' })]),
    });
    expect(((await api('app.status', {})) as { value: { dataDir: string } }).value.dataDir).toBe(libraryDir);
  });

  it('validates every argument with the same schemas as web mode', async () => {
    const code = async (name: unknown, arg: unknown) => codeOf(await api(name, arg));
    expect(await code('papers.get', { id: '../../etc/passwd' })).toBe('invalid-argument');
    expect(await code('digests.import', { name: 1, text: 'x', source: 'file' })).toBe('invalid-argument');
    expect(await code('__proto__', {})).toBe('unknown-handler');
  });

  it('hands no port to other windows, to frames inside the page, or to pages navigated elsewhere', () => {
    const connect = ipcMain.listeners.get(CONNECT_CORE)!;
    const stranger = { id: 999, postMessage: vi.fn() };
    const before = portsSent();
    connect({ sender: stranger, senderFrame: { url: win.url, parent: null } } as never);
    connect({ sender: win.webContents, senderFrame: { url: win.url, parent: {} } } as never);
    connect({ sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } } as never);
    connect({ sender: win.webContents, senderFrame: null } as never);
    expect(stranger.postMessage).not.toHaveBeenCalled();
    expect(portsSent()).toBe(before);
  });
});

describe('opening digest files', () => {
  it('imports a file named at launch once the page has loaded, and tells the page', async () => {
    expect(sentEvents('import.finished')).toHaveLength(0);
    win.webContents.emit('did-finish-load');
    await vi.waitFor(() => expect(sentEvents('import.finished')).toHaveLength(1), SLOW);
    expect(sentEvents('import.finished')[0]).toMatchObject({
      name: 'launch digest',
      error: null,
      report: { digest: { name: expect.stringMatching(/^launch digest\b/) } }, // named from the file (and its date)
    });
    expect(sentEvents('library.changed').length).toBeGreaterThan(0); // the core's events reach the page
  });

  it('lists imported files under File → Recent Digests and with the OS', async () => {
    await vi.waitFor(() => expect(app.addRecentDocument).toHaveBeenCalledWith(launchFile), SLOW); // once the core has answered main
    const recent = fileMenu().find((m) => m.label === 'Recent Digests')!.submenu as MenuItemConstructorOptions[];
    expect(recent[0]).toMatchObject({ label: 'launch digest.txt', toolTip: launchFile });
  });

  it('takes the files of a second launch, and brings the window forward', async () => {
    const file = path.join(digests, 'again.txt');
    fs.writeFileSync(file, 'A paper opened from a second launch\nIts abstract, long enough to be a paper of the digest.\n');
    app.emit('second-instance', {}, ['/opt/Digest Reader/digest-reader', '--some-switch', 'again.txt'], digests);
    expect(win.focused).toBe(true);
    await vi.waitFor(() => expect(sentEvents('import.finished')).toHaveLength(2), SLOW);
    expect(sentEvents('import.finished')[1]).toMatchObject({ name: 'again' });
  });

  it('imports what File → Import Digest… picks, and reports a file it cannot read', async () => {
    const item = fileMenu().find((m) => m.label === 'Import Digest…')!;
    expect(item.accelerator).toBe('CmdOrCtrl+O');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path.join(digests, 'vanished.txt')] });
    item.click!(undefined as never, undefined, undefined as never);
    await vi.waitFor(() => expect(sentEvents('import.finished')).toHaveLength(3), SLOW);
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
  const shell = () => contextBridge.exposed.get('digestReaderShell') as { chooseFolder(): Promise<string | null> };

  it('writes only into the folder the reader picked in the dialog: main tells the core, the page cannot', async () => {
    const first = await api('papers.query', { limit: 1 });
    scope.ids = [(first as { value: { items: { id: string }[] } }).value.items[0].id];
    expect(codeOf(await api('export.markdown', { scope, outDir: vault }))).toBe('folder-not-chosen');
    expect(fs.existsSync(vault)).toBe(false);

    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [vault] });
    expect(await shell().chooseFolder()).toBe(vault);
    expect(electron.dialog.showOpenDialog.mock.lastCall![1]).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
    const res = await api('export.markdown', { scope, outDir: `${vault}${path.sep}.` }); // the same folder, spelled otherwise
    expect(res).toMatchObject({ ok: true, value: { count: 1 } });
    expect(fs.readdirSync(vault)).toHaveLength(1);
    expect(codeOf(await api('export.bibtex', { scope, outDir: path.dirname(vault) }))).toBe('folder-not-chosen');
  });

  it('grants nothing when the dialog is cancelled or asked by another window', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await shell().chooseFolder()).toBeNull();
    const calls = electron.dialog.showOpenDialog.mock.calls.length;
    const stranger = { sender: { id: 999 }, senderFrame: { url: win.url, parent: null } };
    expect(await ipcMain.handlers.get('choose-folder')!(stranger as never)).toBeNull();
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

describe('fetching sources', () => {
  it('shows an OS notification when a fetch brings new papers, and none when it brings nothing', async () => {
    // The recorded listing with its papers given ids of their own, so they are new to this library.
    const rss = fs
      .readFileSync(path.join(import.meta.dirname, '..', '..', 'fixtures', 'http', 'arxiv-rss-cs.CL.xml'), 'utf8')
      .replaceAll(/(\d{4})\.(\d{5})/g, '2699.$2')
      .replaceAll('<title>', '<title>Notified: ');
    const server = await startFixtureServer({ routes: { '/feed.xml': { body: rss, headers: { 'content-type': 'application/rss+xml' } } } });
    try {
      const added = await api('sources.add', { url: server.url('/feed.xml'), name: 'Fixture feed' });
      expect(codeOf(added)).toBe('ok');
      const first = (await api('sources.fetch', {})) as Envelope<{ newPapers: number; summary: string }>;
      expect(first.ok && first.value.newPapers).toBeGreaterThan(0);
      await vi.waitFor(() => expect(FakeNotification.created).toHaveLength(1), SLOW);
      const note = FakeNotification.created[0];
      expect(note.options).toMatchObject({ title: 'Digest Reader', body: first.ok ? first.value.summary : '' });
      expect(note.options.body).toMatch(/^\d+ new papers?/);
      expect(note.shown).toBe(true);
      win.focused = false;
      note.emit('click');
      expect(win.focused).toBe(true);
      // The same answer again (its ETag): nothing new, no notification.
      const again = (await api('sources.fetch', {})) as Envelope<{ newPapers: number }>;
      expect(again.ok && again.value.newPapers).toBe(0);
      await vi.waitFor(() => expect(sentEvents('fetch.finished')).toHaveLength(2), SLOW);
      expect(FakeNotification.created).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('a core that stops', () => {
  it('is started again; the call it dropped gets a clear answer, and the page reloads its data', async () => {
    const crashed = FakeUtilityProcess.forked.at(-1)!;
    // Sent once the core is gone and before the new one is there: no one will ever answer it on the old port.
    const dropped = new Promise<Envelope<unknown>>((resolve) => crashed.once('exit', () => resolve(api('digests.list', {}))));
    const before = received.length;
    crashed.kill();
    expect(await dropped).toMatchObject({ ok: false, error: { code: 'core-restarted' } });
    expect(utilityProcess.fork).toHaveBeenCalledTimes(2);
    expect(win.webContents.send).toHaveBeenCalledWith(CORE_RESTARTED);
    expect(portsSent()).toBe(2); // the preload asked again, through the same sender check
    expect(received.slice(before)).toContainEqual(['library.changed', { reason: 'data' }]);
    expect(codeOf(await api('digests.list', {}))).toBe('ok');
    expect(await api('export.markdown', { scope, outDir: vault })).toMatchObject({ ok: true }); // the chosen folder is still allowed
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
  });
});

describe('quitting', () => {
  it('lets the core finish and release the library before the app exits', async () => {
    const core = FakeUtilityProcess.forked.at(-1)!;
    const e = prevented();
    app.emit('will-quit', e);
    expect(e.preventDefault).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled(), SLOW);
    expect(core.pid).toBeUndefined(); // its process ended before the app quit
    const again = await openCore({ dataDir: libraryDir }); // and the lock is free again
    await again.close();
  });
});

afterAll(() => {
  process.env = env;
  fs.rmSync(digests, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});
