/** The contract as the renderer sees it (types only). */
import type { ClientOf } from './contract';
import type { Handlers } from '../core';
import type { EventName, Events } from './events';

export type Api = ClientOf<Handlers>;
export type { Events, EventName };
export type { Envelope } from './contract';

export interface Client {
  call<K extends keyof Api>(name: K, arg: Api[K]['arg']): Promise<Api[K]['result']>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
