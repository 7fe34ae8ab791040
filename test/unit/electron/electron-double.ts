// A small stand-in for the parts of `electron` the shell uses (the real module cannot load under
// Node), recording what the shell asks of it. Used only by the shell's tests, through vi.mock.
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { SAMPLE_PATH, tempDir } from '../../helpers';

/** An app folder as electron-builder lays it out: the built renderer, and the sample digest. */
export const appRoot = tempDir('dr-app-');
export const userData = tempDir('dr-userdata-');
fs.mkdirSync(path.join(appRoot, 'dist', 'renderer', 'assets'), { recursive: true });
fs.mkdirSync(path.join(appRoot, 'resources'));
fs.writeFileSync(path.join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><script type="module" src="./assets/app.js"></script>');
fs.writeFileSync(path.join(appRoot, 'dist', 'renderer', 'assets', 'app.js'), 'console.log("app")');
fs.writeFileSync(path.join(appRoot, 'package.json'), '{"name":"outside-the-renderer"}');
fs.copyFileSync(SAMPLE_PATH, path.join(appRoot, 'resources', 'trending-papers.txt'));

type Listener = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly send = vi.fn();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  url: string | undefined;
  shown = false;
  focused = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
    app.emit('web-contents-created', {}, this.webContents); // as Electron does for every web contents
  }
  loadURL(url: string) {
    this.url = url;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  focus() {
    this.focused = true;
  }
  maximize() {}
  isMinimized = () => false;
  restore() {}
  isDestroyed = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 40, y: 30, width: 1000, height: 700 });
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  ready: false,
  requestSingleInstanceLock: vi.fn(() => true),
  whenReady() {
    app.ready = true;
    return Promise.resolve();
  },
  getPath: (name: string) => (name === 'userData' ? userData : tempDir()),
  getAppPath: () => appRoot,
  quit: vi.fn(),
  exit: vi.fn(),
  addRecentDocument: vi.fn(),
  clearRecentDocuments: vi.fn(),
});

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    if (app.ready) throw new Error('registerSchemesAsPrivileged can only be used before the app is ready');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, handler: Listener) {
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

export const electron = {
  app,
  protocol,
  ipcMain,
  BrowserWindow: FakeBrowserWindow,
  // Like Electron's, it reads files and answers their MIME type, and fails on a missing file.
  net: {
    async fetch(url: string) {
      const file = fileURLToPath(url);
      return new Response(await fs.promises.readFile(file), { headers: { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' } });
    },
  },
  session: {
    defaultSession: {
      permissionRequest: undefined as undefined | ((contents: unknown, permission: string, callback: (ok: boolean) => void) => void),
      permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
      setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (ok: boolean) => void) => void) {
        this.permissionRequest = handler;
      },
      setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
        this.permissionCheck = handler;
      },
    },
  },
  shell: { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn(() => Promise.resolve('')) },
  dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn() },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  Menu: {
    template: [] as unknown[],
    buildFromTemplate: (template: unknown[]) => template,
    setApplicationMenu(menu: unknown[]) {
      electron.Menu.template = menu;
    },
  },
};

/** electron-store, in memory. */
export class FakeStore<T extends Record<string, unknown>> {
  static last: FakeStore<Record<string, unknown>> | undefined;
  data: T;
  constructor(options: { defaults: T }) {
    this.data = structuredClone(options.defaults);
    FakeStore.last = this as never;
  }
  get<K extends keyof T>(key: K): T[K] {
    return this.data[key];
  }
  set<K extends keyof T>(key: K, value: T[K]) {
    this.data[key] = value;
  }
}
