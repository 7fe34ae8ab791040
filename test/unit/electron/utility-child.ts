// The inside of the test double's utility process (a worker thread): gives the module Electron's
// `process.parentPort`, then runs it, as Electron does for utilityProcess.fork(modulePath).
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { fromWire, type Wire } from './fake-ports';

/** process.parentPort: 'message' events carry { data, ports }; like Electron's, it queues until a listener is added. */
class FakeParentPort extends EventEmitter {
  constructor() {
    super();
    this.once('newListener', () => parentPort!.on('message', (wire: Wire) => this.emit('message', fromWire(wire))));
  }
  postMessage(data: unknown): void {
    parentPort!.postMessage({ data });
  }
}

Object.assign(process, { parentPort: new FakeParentPort() });
await import(pathToFileURL((workerData as { modulePath: string }).modulePath).href);
