// Electron's message ports, over Node's worker_threads ones, for the test double. Used on both
// sides of a fake utility process (the test's thread and the worker running the core).
import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

/** What crosses a worker boundary: the message, and the ports sent along (transferred, not copied). */
export interface Wire {
  data: unknown;
  ports?: MessagePort[];
}

/**
 * Electron's MessagePortMain: an EventEmitter whose 'message' events carry { data, ports }, which
 * queues what arrives until start(), and emits 'close' when the other end goes away. The page's end
 * of a channel is the plain Node port (`.port`), which behaves like the DOM's MessagePort.
 */
export class FakeMessagePortMain extends EventEmitter {
  #started = false;
  constructor(readonly port: MessagePort) {
    super();
    port.on('close', () => this.emit('close'));
  }
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.port.on('message', (data: unknown) => this.emit('message', { data, ports: [] }));
  }
  postMessage(data: unknown): void {
    this.port.postMessage(data);
  }
  close(): void {
    this.port.close();
  }
}

export class FakeMessageChannelMain {
  readonly port1: FakeMessagePortMain;
  readonly port2: FakeMessagePortMain;
  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port1 = new FakeMessagePortMain(port1);
    this.port2 = new FakeMessagePortMain(port2);
  }
}

/** Unwraps a wire message into what Electron delivers: the data, and the ports as MessagePortMain. */
export const fromWire = (wire: Wire) => ({ data: wire.data, ports: (wire.ports ?? []).map((p) => new FakeMessagePortMain(p)) });
