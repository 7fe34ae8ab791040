/**
 * The messages between the desktop app's three parts. The core runs in its own process; the main
 * process keeps windows, menus and dialogs; the page reaches the core through the preload.
 *
 * main ⇄ core, over the core process's own control channel (Electron's parentPort):
 *   main → core  open {dataDir, oldDir?, samplePath?}   first; moves an old library in, opens the core
 *                connect + [port]                       a page's port, only for the app's own window
 *                grant {id, dir}                        a folder the person chose in the dialog
 *                import-file {id, file}                 a digest the OS or the menu handed over
 *                close                                  finish writes, release the library, exit
 *   core → main  ready {dataDir, notice?} | failed {message}
 *                reply {id, ok, value?, message?}       answers grant and import-file
 *                closed                                 the library is released
 *                fetched {summary, newPapers, matched}  a fetch brought new papers (an OS notification)
 *
 * page ⇄ core, over a MessagePort per page load (handed out by main after checking the sender):
 *   page → core  {id, name, arg}                        a contract call
 *   core → page  {id, envelope}                         its answer, the same envelope as HTTP and the command line
 *                {event, payload}                       a pushed event
 *
 * preload ⇄ main, over IPC: the preload asks for a port on CONNECT_CORE and receives it on
 * CORE_PORT; CORE_RESTARTED tells it the core was restarted and it should ask again.
 */
import type { Envelope } from '../api/contract';
import type { EventName, Events } from '../api/events';
import type { Notice } from '../storage/library-move';

export const CONNECT_CORE = 'connect-core';
export const CORE_PORT = 'core-port';
export const CORE_RESTARTED = 'core-restarted';

export interface OpenOptions {
  dataDir: string;
  /** Where an earlier desktop app kept the library (Electron's userData), moved into dataDir once. */
  oldDir?: string;
  samplePath?: string;
}

export type ControlMessage =
  | ({ type: 'open' } & OpenOptions)
  | { type: 'connect' }
  | { type: 'grant'; id: number; dir: string }
  | { type: 'import-file'; id: number; file: string }
  | { type: 'close' };

export type CoreStatus =
  | { type: 'ready'; dataDir: string; notice?: Notice }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; ok: boolean; value?: string; message?: string }
  | { type: 'closed' }
  | { type: 'fetched'; summary: string; newPapers: number; matched: number };

export interface PageCall {
  id: number;
  name: string;
  arg: unknown;
}

export type PageMessage = { id: number; envelope: Envelope } | { event: EventName; payload: Events[EventName] };

/** The answer a page gets for a call the core could not take (sent on a port that is gone). */
export const CORE_RESTARTED_ENVELOPE: Envelope = {
  ok: false,
  error: { code: 'core-restarted', message: 'The library stopped unexpectedly and was started again. Try once more.' },
};
