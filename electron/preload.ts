// Built to preload.cjs: a sandboxed preload must be CommonJS and may require nothing but `electron`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Envelope, EventName, Events } from '../src/api';
import type { Shell, ShellCommand, Transport } from '../src/api/bridge';
import { CONNECT_CORE, CORE_PORT, CORE_RESTARTED, CORE_RESTARTED_ENVELOPE, type PageCall, type PageMessage } from '../src/desktop/core-protocol';

type Listener = (event: EventName, payload: Events[EventName]) => void;
/** The page's end of the core's channel: a DOM MessagePort (the shell's project has no DOM types). */
interface CorePort {
  postMessage(message: PageCall): void;
  close(): void;
  onmessage: ((event: { data: PageMessage }) => void) | null;
}

/** Relays one main-to-page channel to a listener, without the IPC event object; returns the unsubscribe. */
function relay<A extends unknown[]>(channel: string, listener: (...args: A) => void): () => void {
  const fn = (_e: IpcRendererEvent, ...args: unknown[]) => listener(...(args as A));
  ipcRenderer.on(channel, fn);
  return () => void ipcRenderer.off(channel, fn);
}

// The port to the core stays in here; calls made before it arrives wait for it.
let port: CorePort | undefined;
const queued: PageCall[] = [];
const answers = new Map<number, (envelope: Envelope) => void>();
const listeners = new Set<Listener>();
let lastId = 0;

ipcRenderer.on(CORE_PORT, (e) => {
  const next = e.ports[0] as unknown as CorePort | undefined;
  if (!next) return;
  if (port) {
    // A new port after a restart: calls sent to the stopped core get no answer, so they get this one; the page reloads its data.
    port.close();
    answers.forEach((answer) => answer(CORE_RESTARTED_ENVELOPE));
    answers.clear();
    listeners.forEach((listener) => listener('library.changed', { reason: 'data' }));
  }
  port = next;
  port.onmessage = ({ data }) => {
    if (!('id' in data)) return listeners.forEach((listener) => listener(data.event, data.payload));
    answers.get(data.id)?.(data.envelope);
    answers.delete(data.id);
  };
  queued.splice(0).forEach(send);
});
ipcRenderer.on(CORE_RESTARTED, () => ipcRenderer.send(CONNECT_CORE));
ipcRenderer.send(CONNECT_CORE);

function send(call: PageCall): void {
  if (!port) return void queued.push(call);
  try {
    port.postMessage(call);
  } catch (error) {
    // An argument that cannot be copied (a function, say) never leaves the page.
    answers.get(call.id)?.({ ok: false, error: { code: 'invalid-argument', message: `Invalid request for ${call.name}: ${(error as Error).message}` } });
    answers.delete(call.id);
  }
}

/** Exactly the renderer's transport, over the port; never the port or ipcRenderer itself. */
const transport: Transport = {
  invoke: (name, arg) =>
    new Promise((resolve) => {
      const call = { id: ++lastId, name, arg };
      answers.set(call.id, resolve);
      send(call);
    }),
  subscribe(listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

/** The desktop's extras: a folder dialog for exports, and menu commands meant for the page. */
const shell: Shell = {
  chooseFolder: () => ipcRenderer.invoke('choose-folder'),
  onCommand: (listener) => relay<[ShellCommand]>('shell', listener),
};

contextBridge.exposeInMainWorld('digestReader', transport);
contextBridge.exposeInMainWorld('digestReaderShell', shell);
