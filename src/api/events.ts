import { EventEmitter } from 'node:events';
import type { ImportReport } from '../library/importer';

/** Events the core pushes to every window. */
export interface Events {
  'import.progress': { name: string; done: number; total: number };
  /** 'index': the search index became ready; searches made before it now have results. */
  'library.changed': { reason: 'import' | 'data' | 'index' };
  /** A digest imported outside the page (desktop menu, a file the OS opened): its report or why it failed. */
  'import.finished': { name: string; report: ImportReport | null; error: string | null };
}

export type EventName = keyof Events;

/** A typed emitter; `on` returns its own unsubscribe function. */
export class EventBus {
  readonly #emitter = new EventEmitter().setMaxListeners(100);

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.#emitter.emit(event, payload);
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    this.#emitter.on(event, listener);
    return () => this.#emitter.off(event, listener);
  }

  /** Every event, for transports that forward them all. */
  onAny(listener: <E extends EventName>(event: E, payload: Events[E]) => void): () => void {
    const names: EventName[] = ['import.progress', 'library.changed', 'import.finished'];
    const offs = names.map((name) => this.on(name, (p) => listener(name, p)));
    return () => offs.forEach((off) => off());
  }
}
