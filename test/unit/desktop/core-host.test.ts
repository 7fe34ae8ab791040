// The core process's side, in this thread: a control port the test speaks for the main process,
// and page ports as Electron gives them. The core is a small stand-in with a call the test holds.
import { EventEmitter } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { handler } from '../../../src/api/contract';
import { EventBus } from '../../../src/api/events';
import type { Core } from '../../../src/core';
import { serveCore, type ControlPort } from '../../../src/desktop/core-host';
import type { CoreStatus, PageMessage } from '../../../src/desktop/core-protocol';
import { FakeMessageChannelMain } from '../electron/fake-ports';
import { tempDir } from '../../helpers';

function host() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const events = new EventBus();
  const close = vi.fn(async () => {});
  const started = vi.fn();
  const handlers = {
    'slow.run': handler(z.object({}), async () => {
      started();
      await gate;
      return 'done';
    }),
    'echo.run': handler(z.object({ text: z.string().max(10) }), ({ text }) => text),
    'export.markdown': handler(z.object({ outDir: z.string() }), ({ outDir }) => ({ wroteInto: outDir }), { writesIntoChosenFolder: true }),
  };
  const core = { handlers, events, dataDir: '/lib', close } as unknown as Core;
  const opened = vi.fn(async () => core);
  const statuses: CoreStatus[] = [];
  const control = Object.assign(new EventEmitter(), { postMessage: (s: CoreStatus) => statuses.push(s) }) as unknown as ControlPort & EventEmitter;
  const done = serveCore(control, opened as never);
  const send = (data: unknown, ports: unknown[] = []) => control.emit('message', { data, ports });
  /** A page's end of a new channel whose other end was handed to the core. */
  const connect = () => {
    const { port1, port2 } = new FakeMessageChannelMain();
    send({ type: 'connect' }, [port2]);
    const received: PageMessage[] = [];
    port1.port.on('message', (m: PageMessage) => received.push(m));
    return { page: port1.port as MessagePort, received };
  };
  const answer = async (received: PageMessage[], id: number) => {
    await vi.waitFor(() => expect(received.some((m) => 'id' in m && m.id === id)).toBe(true));
    return (received.find((m) => 'id' in m && m.id === id) as { envelope: unknown }).envelope;
  };
  return { send, connect, answer, statuses, events, close, opened, started, release, done };
}

describe('the core process', () => {
  it('opens the library where main says, then answers each page through dispatch and pushes events to all', async () => {
    const h = host();
    const dataDir = tempDir();
    h.send({ type: 'open', dataDir, samplePath: '/app/sample.txt' });
    const a = h.connect();
    const b = h.connect();
    await vi.waitFor(() => expect(h.statuses).toEqual([{ type: 'ready', dataDir }]));
    // The desktop app fetches its sources on their schedule (at start-up, daily) while it runs.
    expect(h.opened).toHaveBeenCalledWith({ dataDir, samplePath: '/app/sample.txt', schedule: true });
    a.page.postMessage({ id: 1, name: 'echo.run', arg: { text: 'hi' } });
    b.page.postMessage({ id: 1, name: 'echo.run', arg: { text: 'far too long' } });
    expect(await h.answer(a.received, 1)).toEqual({ ok: true, value: 'hi' });
    expect(await h.answer(b.received, 1)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    h.events.emit('library.changed', { reason: 'import' });
    for (const p of [a, b]) await vi.waitFor(() => expect(p.received).toContainEqual({ event: 'library.changed', payload: { reason: 'import' } }));
  });

  it('writes into a folder only after main granted it; a page cannot grant', async () => {
    const h = host();
    h.send({ type: 'open', dataDir: tempDir() });
    const { page, received } = h.connect();
    page.postMessage({ id: 1, name: 'export.markdown', arg: { outDir: '/home/ada/vault' } });
    expect(await h.answer(received, 1)).toMatchObject({ ok: false, error: { code: 'folder-not-chosen' } });
    page.postMessage({ type: 'grant', id: 2, dir: '/home/ada/vault' }); // the control message, sent by the page: not a call
    h.send({ type: 'grant', id: 7, dir: '/home/ada/vault/.' });
    await vi.waitFor(() => expect(h.statuses).toContainEqual({ type: 'reply', id: 7, ok: true, value: '/home/ada/vault' }));
    page.postMessage({ id: 3, name: 'export.markdown', arg: { outDir: '/home/ada/vault' } });
    expect(await h.answer(received, 3)).toEqual({ ok: true, value: { wroteInto: '/home/ada/vault' } });
    expect(received.some((m) => 'id' in m && m.id === 2)).toBe(false);
  });

  it('on close: finishes the calls under way, then closes the library, then says so; later calls are turned away', async () => {
    const h = host();
    h.send({ type: 'open', dataDir: tempDir() });
    const { page, received } = h.connect();
    page.postMessage({ id: 1, name: 'slow.run', arg: {} });
    await vi.waitFor(() => expect(h.started).toHaveBeenCalled()); // the call is under way
    h.send({ type: 'close' });
    page.postMessage({ id: 2, name: 'echo.run', arg: { text: 'late' } });
    expect(await h.answer(received, 2)).toMatchObject({ ok: false, error: { code: 'closing' } });
    expect(h.close).not.toHaveBeenCalled();
    h.release();
    expect(await h.answer(received, 1)).toEqual({ ok: true, value: 'done' });
    await h.done;
    expect(h.close).toHaveBeenCalledTimes(1);
    expect(h.statuses.at(-1)).toEqual({ type: 'closed' });
  });

  it('reports a library it cannot open, and still closes when asked', async () => {
    const statuses: CoreStatus[] = [];
    const control = Object.assign(new EventEmitter(), { postMessage: (s: CoreStatus) => statuses.push(s) });
    const done = serveCore(
      control as never,
      (async () => {
        throw new Error('Another Digest Reader (process 42) is already using the library');
      }) as never,
    );
    control.emit('message', { data: { type: 'open', dataDir: tempDir() }, ports: [] });
    await vi.waitFor(() => expect(statuses).toEqual([{ type: 'failed', message: 'Another Digest Reader (process 42) is already using the library' }]));
    control.emit('message', { data: { type: 'close' }, ports: [] });
    await done;
    expect(statuses.at(-1)).toEqual({ type: 'closed' });
  });

  it('survives anything sent on a page port or the control port, and keeps answering', async () => {
    const h = host();
    h.send({ type: 'open', dataDir: tempDir() });
    const { page, received } = h.connect();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let id = 100;
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (junk, control) => {
        try {
          page.postMessage(junk);
        } catch {
          return; // not cloneable: a page cannot send it either
        }
        h.send(control);
        page.postMessage({ id: ++id, name: 'echo.run', arg: { text: 'ok' } });
        expect(await h.answer(received, id)).toEqual({ ok: true, value: 'ok' });
      }),
      { numRuns: 60 },
    );
    errors.mockRestore();
  });
});
