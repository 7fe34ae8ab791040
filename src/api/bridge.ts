import type { Envelope } from './contract';
import type { EventName, Events } from './events';

/**
 * What the page is handed to reach the core: the Electron preload and the HTTP client both
 * implement these, so their shapes live with the contract rather than on either side.
 */

/** What a transport must do: send one call, and deliver pushed events. IPC and HTTP both fit. */
export interface Transport {
  invoke(name: string, arg: unknown): Promise<Envelope>;
  subscribe(listener: (event: EventName, payload: Events[EventName]) => void): () => void;
}

/** What the desktop menu asks of the page. */
export type ShellCommand = 'export';

/**
 * What a shell offers beyond the contract: a folder to export Markdown into, so that it goes
 * straight into the reader's vault (and a re-export keeps their edits there). The Electron preload
 * sets one with a native folder dialog; in web mode there is one only when the server was started
 * with `--export-dir`, and then it always answers that folder. Otherwise exports are downloaded.
 */
export interface Shell {
  /** An absolute folder path, or null when the reader cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Set when there is no chooser, only this folder (web mode). */
  fixedFolder?: string;
  /** Menu commands from the desktop shell; returns the unsubscribe. */
  onCommand?(listener: (command: ShellCommand) => void): () => void;
}
