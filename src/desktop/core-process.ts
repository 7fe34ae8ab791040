// The desktop app's core process: Electron starts this file with utilityProcess.fork, and gives it
// `process.parentPort`, its line to the main process. Plain Node otherwise: no `electron` import.
import { serveCore, type ControlPort } from './core-host';

const parentPort = (process as { parentPort?: ControlPort }).parentPort;
if (!parentPort) throw new Error('Digest Reader: core-process runs only as the desktop app’s utility process.');
// Once the library is closed (writes done, lock released), the process has nothing left to do.
void serveCore(parentPort).then(() => process.exit(0));
