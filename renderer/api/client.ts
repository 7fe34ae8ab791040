import type { Api, Client, EventName, Events } from '../../src/api';
import { httpTransport } from './http';
import type { Transport } from '../../src/api/bridge';

/** A failed call, with the core's code and a message meant for the reader. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export function createClient(transport: Transport): Client {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  transport.subscribe((event, payload) => listeners.get(event)?.forEach((fn) => fn(payload as never)));
  return {
    async call<K extends keyof Api>(name: K, arg: Api[K]['arg']): Promise<Api[K]['result']> {
      const envelope = await transport.invoke(name, arg);
      if (!envelope.ok) throw new ApiCallError(envelope.error.code, envelope.error.message);
      return envelope.value as Api[K]['result'];
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}

/** The app's one client: Electron's preload where present, HTTP in web mode. */
export const api: Client = createClient(window.digestReader ?? httpTransport());
