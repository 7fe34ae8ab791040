import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ControlMessage, CoreStatus, OpenOptions } from './core-protocol';
import type { Notice } from '../storage/library-move';

/** The core process as the main process sees it (Electron's UtilityProcess). */
export interface CoreProcess {
  postMessage(message: ControlMessage, transfer?: never[]): void;
  on(event: 'message', listener: (message: CoreStatus) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreClientOptions {
  /** Starts a core process (Electron: utilityProcess.fork of coreProcessEntry()). */
  fork: () => CoreProcess;
  open: OpenOptions;
  /** The core was started again after it stopped: pages should ask for a new port. */
  onRestart: () => void;
  /** It stopped and cannot be started again: tell the person, and quit. */
  onFatal: (message: string) => void;
  /** A fetch brought new papers ("23 new papers, 4 match your interests"): the shell notifies. */
  onFetched?: (fetched: Extract<CoreStatus, { type: 'fetched' }>) => void;
  /** How many restarts are allowed before giving up. */
  maxRestarts?: number;
  /** How long a closing core may take before it is stopped (its writes are atomic either way). */
  closeTimeoutMs?: number;
}

/** The core process's entry: beside this module, whether it runs from source (.ts) or built (.js, in dist/electron). */
export function coreProcessEntry(): string {
  const here = fileURLToPath(import.meta.url);
  return path.join(path.dirname(here), `core-process${path.extname(here)}`);
}

type Pending = { resolve: (value: string | undefined) => void; reject: (error: Error) => void };

/**
 * The main process's handle on the core process: starts it, sends it the library to open, asks it
 * the few things only the main process may (grant a chosen folder, import a file the OS handed
 * over), restarts it if it stops unexpectedly, and closes it on quit. A core that stops is started
 * again (its files are written atomically, so the library on disk is whole), up to `maxRestarts`
 * times; beyond that, or if it cannot open the library again, `onFatal`.
 */
export class CoreClient {
  readonly #options: CoreClientOptions;
  #child: CoreProcess | undefined;
  #restarts = 0;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  /** Folders granted so far: a chosen folder stays allowed until the app quits, also across a restart. */
  readonly #granted = new Set<string>();
  #closing: Promise<void> | undefined;
  #ready!: Promise<{ dataDir: string; notice?: Notice }>;

  constructor(options: CoreClientOptions) {
    this.#options = options;
    this.#start(false);
  }

  /** The first start: the library folder opened, and anything to tell the person about it; rejects with why it could not open. */
  get ready(): Promise<{ dataDir: string; notice?: Notice }> {
    return this.#ready;
  }

  /** Hands the core one end of a page's channel. */
  connect(port: unknown): void {
    this.#child?.postMessage({ type: 'connect' }, [port as never]);
  }

  /** Lets pages have Markdown written into `dir`, chosen by the person in the folder dialog; the folder as granted. */
  async grant(dir: string): Promise<string> {
    const granted = (await this.#request({ type: 'grant', id: 0, dir }))!;
    this.#granted.add(granted);
    return granted;
  }

  /** Imports a digest file the page did not pick; whether it was imported (the page hears how in an event). */
  async importFile(file: string): Promise<boolean> {
    return this.#request({ type: 'import-file', id: 0, file }).then(
      () => true,
      () => false,
    );
  }

  /** Asks the core to finish its writes and release the library, and waits until its process is gone. */
  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      const child = this.#child;
      if (!child) return resolve();
      const timer = setTimeout(() => child.kill(), this.#options.closeTimeoutMs ?? 20_000);
      child.on('exit', () => (clearTimeout(timer), resolve()));
      child.postMessage({ type: 'close' });
    });
    return this.#closing;
  }

  #request(message: Extract<ControlMessage, { id: number }>): Promise<string | undefined> {
    const child = this.#child;
    if (!child || this.#closing) return Promise.reject(new Error('The library is closed.'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      child.postMessage({ ...message, id });
    });
  }

  #start(restart: boolean): void {
    const child = this.#options.fork();
    this.#child = child;
    let wasReady = false;
    let settle: { resolve: (r: { dataDir: string; notice?: Notice }) => void; reject: (e: Error) => void } | undefined;
    const ready = new Promise<{ dataDir: string; notice?: Notice }>((resolve, reject) => (settle = { resolve, reject }));
    if (!restart) this.#ready = ready;
    ready.then(
      () => restart && this.#options.onRestart(),
      (error: Error) => restart && this.#options.onFatal(error.message),
    );

    child.on('message', (message) => {
      if (message.type === 'ready') {
        wasReady = true;
        settle?.resolve({ dataDir: message.dataDir, notice: message.notice });
      } else if (message.type === 'failed') settle?.reject(new Error(message.message));
      else if (message.type === 'fetched') this.#options.onFetched?.(message);
      else if (message.type === 'reply') {
        const pending = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (message.ok) pending?.resolve(message.value);
        else pending?.reject(new Error(message.message ?? 'failed'));
      }
    });
    child.on('exit', (code) => {
      if (this.#child !== child) return;
      this.#child = undefined;
      for (const pending of this.#pending.values()) pending.reject(new Error('The library stopped.'));
      this.#pending.clear();
      const why = `The library's process stopped unexpectedly (exit code ${code}).`;
      settle?.reject(new Error(why)); // no effect once it was ready
      // One that never opened the library is not started again: the reason is reported instead.
      if (this.#closing || !wasReady) return;
      if (this.#restarts >= (this.#options.maxRestarts ?? 3)) return this.#options.onFatal(`${why} It was started again ${this.#restarts} times.`);
      this.#restarts++;
      console.error(`[digest-reader] ${why} Starting it again.`);
      this.#start(true);
    });
    child.postMessage({ type: 'open', ...this.#options.open });
    for (const dir of this.#granted) child.postMessage({ type: 'grant', id: 0, dir }); // no one waits for these answers
  }
}
