import type { Envelope, EventName, Events } from '../../src/api';

/** What a transport must do: send one call, and deliver pushed events. IPC and HTTP both fit. */
export interface Transport {
  invoke(name: string, arg: unknown): Promise<Envelope>;
  subscribe(listener: (event: EventName, payload: Events[EventName]) => void): () => void;
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    digestReader?: Transport;
  }
}
