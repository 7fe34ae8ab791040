// Built to preload.cjs: a sandboxed preload must be CommonJS and may require nothing but `electron`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, Events } from '../src/api';
import type { Shell, ShellCommand, Transport } from '../src/api/bridge';

/** Relays one main-to-page channel to a listener, without the IPC event object; returns the unsubscribe. */
function relay<A extends unknown[]>(channel: string, listener: (...args: A) => void): () => void {
  const fn = (_e: IpcRendererEvent, ...args: unknown[]) => listener(...(args as A));
  ipcRenderer.on(channel, fn);
  return () => void ipcRenderer.off(channel, fn);
}

/** Exactly the renderer's transport: one channel for calls, one for events; never ipcRenderer itself. */
const transport: Transport = {
  invoke: (name, arg) => ipcRenderer.invoke('api', name, arg),
  subscribe: (listener) => relay<[EventName, Events[EventName]]>('event', listener),
};

/** The desktop's extras: a folder dialog for exports, and menu commands meant for the page. */
const shell: Shell = {
  chooseFolder: () => ipcRenderer.invoke('choose-folder'),
  onCommand: (listener) => relay<[ShellCommand]>('shell', listener),
};

contextBridge.exposeInMainWorld('digestReader', transport);
contextBridge.exposeInMainWorld('digestReaderShell', shell);
