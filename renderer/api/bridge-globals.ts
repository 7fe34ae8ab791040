import type { Shell, Transport } from '../../src/api/bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    digestReader?: Transport;
    /** Set by the Electron preload; web mode makes its own (api/shell.ts). */
    digestReaderShell?: Shell;
  }
}

export {};
