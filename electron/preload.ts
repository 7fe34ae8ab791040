// Built to preload.cjs: a sandboxed preload must be CommonJS and may require nothing but `electron`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EventName, Events } from '../src/api';
import type { Transport } from '../renderer/api/transport';

/** Exactly the renderer's transport: one channel for calls, one for events; never ipcRenderer itself. */
const transport: Transport = {
  invoke: (name, arg) => ipcRenderer.invoke('api', name, arg),
  subscribe(listener) {
    const relay = (_e: IpcRendererEvent, event: EventName, payload: Events[EventName]) => listener(event, payload);
    ipcRenderer.on('event', relay);
    return () => void ipcRenderer.off('event', relay);
  },
};

contextBridge.exposeInMainWorld('digestReader', transport);
