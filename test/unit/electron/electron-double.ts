// A small stand-in for the parts of `electron` the shell uses (the real module cannot load under
// Node), recording what the shell asks of it. Used only by the shell's tests, through vi.mock.
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
import { vi } from 'vitest';
import { SAMPLE_PATH, tempDir } from '../../helpers';
import { FakeMessageChannelMain, FakeMessagePortMain, type Wire } from './fake-ports';

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
  url: string | undefined;
  /** To the page's preload, if it runs here (see ipcRenderer). */
  readonly send = vi.fn((channel: string, ...args: unknown[]) => ipcRenderer.deliver(this, channel, { sender: ipcRenderer, ports: [] }, ...args));
  /** Ports reach the page as plain (DOM-like) MessagePorts. */
  readonly postMessage = vi.fn((channel: string, message: unknown, transfer: FakeMessagePortMain[] = []) =>
    ipcRenderer.deliver(this, channel, { sender: ipcRenderer, ports: transfer.map((p) => p.port) }, message),
  );
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
    this.url = this.webContents.url = url;
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
  listeners: new Map<string, Listener>(),
  handle(channel: string, handler: Listener) {
    this.handlers.set(channel, handler);
  },
  on(channel: string, listener: Listener) {
    this.listeners.set(channel, listener);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

/** The page's side of IPC, for a preload run in the test: bound to one window, whose top frame sends. */
export const ipcRenderer = Object.assign(new EventEmitter(), {
  contents: undefined as FakeWebContents | undefined,
  attach(contents: FakeWebContents) {
    ipcRenderer.contents = contents;
  },
  event() {
    const sender = ipcRenderer.contents!;
    return { sender, senderFrame: { url: sender.url, parent: null } };
  },
  send(channel: string, ...args: unknown[]) {
    ipcMain.listeners.get(channel)?.(ipcRenderer.event() as never, ...(args as never[]));
  },
  invoke(channel: string, ...args: unknown[]) {
    return Promise.resolve(ipcMain.handlers.get(channel)?.(ipcRenderer.event() as never, ...(args as never[])));
  },
  deliver(from: FakeWebContents, channel: string, event: { sender: unknown; ports: MessagePort[] }, ...args: unknown[]) {
    if (ipcRenderer.contents === from) ipcRenderer.emit(channel, event, ...args);
  },
});

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    contextBridge.exposed.set(key, api);
  },
};

/**
 * Electron's UtilityProcess, as a worker thread: the module runs there with `process.parentPort`
 * (see utility-child.ts), so the core really runs apart from the "main process" (the test's thread)
 * and only messages and ports cross. kill() ends it abruptly, as a crash would.
 */
export class FakeUtilityProcess extends EventEmitter {
  static forked: FakeUtilityProcess[] = [];
  pid: number | undefined;
  readonly #worker: Worker;
  constructor(
    readonly modulePath: string,
    readonly options: Record<string, unknown>,
  ) {
    super();
    const child = new URL('./utility-child.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(child)}); });`;
    this.#worker = new Worker(boot, { eval: true, workerData: { modulePath } });
    this.#worker.on('online', () => ((this.pid = process.pid), this.emit('spawn')));
    this.#worker.on('message', (wire: Wire) => this.emit('message', wire.data));
    this.#worker.on('error', (error) => console.error('[utility process double]', error)); // 'exit' follows, as in Electron
    this.#worker.on('exit', (code) => ((this.pid = undefined), this.emit('exit', code)));
    FakeUtilityProcess.forked.push(this);
  }
  postMessage(data: unknown, transfer: FakeMessagePortMain[] = []) {
    const ports = transfer.map((p) => p.port);
    this.#worker.postMessage({ data, ports } satisfies Wire, ports);
  }
  kill() {
    void this.#worker.terminate();
    return true;
  }
}

export const utilityProcess = {
  fork: vi.fn((modulePath: string, _args: string[] = [], options: Record<string, unknown> = {}) => {
    if (!app.ready) throw new Error('utilityProcess.fork can only be called after the app is ready');
    return new FakeUtilityProcess(modulePath, options);
  }),
};

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/** Electron's Notification: each one made is kept, with whether it was shown. */
export class FakeNotification extends EventEmitter {
  static created: FakeNotification[] = [];
  static isSupported = () => true;
  shown = false;
  constructor(readonly options: { title: string; body: string; silent?: boolean }) {
    super();
    FakeNotification.created.push(this);
  }
  show() {
    this.shown = true;
  }
}

export const electron = {
  app,
  Notification: FakeNotification,
  protocol,
  ipcMain,
  ipcRenderer,
  contextBridge,
  utilityProcess,
  MessageChannelMain: FakeMessageChannelMain,
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
  dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
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
