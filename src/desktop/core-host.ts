import { z } from 'zod';
import type { Envelope } from '../api/contract';
import { dispatch } from '../boundary/dispatch';
import { FolderGrants } from '../boundary/folder-grants';
import { openCore, type Core } from '../core';
import type { ControlMessage, CoreStatus, PageCall, PageMessage } from './core-protocol';
import { settleLibrary } from '../storage/library-move';
import { importDigestFile } from './open-file';

/** A message as Electron's MessagePortMain and parentPort deliver it: the data, and any ports sent along. */
export interface PortMessage {
  data: unknown;
  ports: PagePort[];
}

/** A page's end of a channel, as the core process holds it (Electron's MessagePortMain). */
export interface PagePort {
  on(event: 'message', listener: (message: PortMessage) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: PageMessage): void;
  start(): void;
  close(): void;
}

/** The core process's line to the main process (Electron's process.parentPort). */
export interface ControlPort {
  on(event: 'message', listener: (message: PortMessage) => void): unknown;
  postMessage(message: CoreStatus): void;
}

const MAX_PATH = 4096;
const filePath = z.string().min(1).max(MAX_PATH);
const controlMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), dataDir: filePath, oldDir: filePath.optional(), samplePath: filePath.optional() }),
  z.object({ type: z.literal('connect') }),
  z.object({ type: z.literal('grant'), id: z.number().int(), dir: filePath }),
  z.object({ type: z.literal('import-file'), id: z.number().int(), file: filePath }),
  z.object({ type: z.literal('close') }),
]) satisfies z.ZodType<ControlMessage>;
const pageCall = z.object({ id: z.number().int().nonnegative(), name: z.string().max(200), arg: z.unknown() }) satisfies z.ZodType<PageCall>;

/**
 * The core's side of the desktop app, run in its own process: opens the library when the main
 * process says where it is, answers each page's calls through the same validating `dispatch` (and
 * folder-grant check) as web mode, pushes the core's events to every page, and takes from the
 * main process alone the folders the person chose and the files the OS handed over. Resolves once
 * the library is closed (its writes done, its lock released) at the main process's request.
 */
export function serveCore(control: ControlPort, open: typeof openCore = openCore): Promise<void> {
  const grants = new FolderGrants();
  const pages = new Set<PagePort>();
  const inFlight = new Set<Promise<unknown>>();
  /** Runs a piece of work the close must wait for (a call, an import): its writes finish first. */
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => {});
    return work;
  };
  let opened: Promise<Core | undefined> | undefined;
  let closing = false;
  let resolveClosed: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));

  async function start(options: Extract<ControlMessage, { type: 'open' }>): Promise<Core | undefined> {
    try {
      const { dataDir, notice } = settleLibrary(options.dataDir, options.oldDir);
      const core = await open({ dataDir, samplePath: options.samplePath, schedule: true });
      core.events.onAny((event, payload) => pages.forEach((page) => page.postMessage({ event, payload })));
      // The main process shows an OS notification for a fetch that brought something new.
      core.events.on('fetch.finished', ({ summary, newPapers, matched }) => {
        if (newPapers > 0) control.postMessage({ type: 'fetched', summary, newPapers, matched });
      });
      control.postMessage({ type: 'ready', dataDir, ...(notice && { notice }) });
      return core;
    } catch (error) {
      control.postMessage({ type: 'failed', message: (error as Error).message });
      return undefined;
    }
  }

  function attach(core: Core, page: PagePort): void {
    pages.add(page);
    page.on('close', () => pages.delete(page));
    page.on('message', async ({ data }) => {
      const call = pageCall.safeParse(data);
      if (!call.success) return; // without an id there is no one to answer
      const { id, name, arg } = call.data;
      const envelope: Envelope = closing
        ? { ok: false, error: { code: 'closing', message: 'Digest Reader is closing; nothing more was changed.' } }
        : await track(dispatch(core.handlers, name, arg, grants));
      try {
        page.postMessage({ id, envelope });
      } catch (error) {
        page.postMessage({
          id,
          envelope: { ok: false, error: { code: 'internal', message: `The answer to ${name} could not be sent: ${(error as Error).message}` } },
        });
      }
    });
    page.start(); // a MessagePortMain queues messages until started
  }

  async function handle(message: z.infer<typeof controlMessage>, ports: PagePort[]): Promise<void> {
    if (message.type === 'open') {
      opened ??= start(message);
      return;
    }
    const core = await opened;
    switch (message.type) {
      case 'connect':
        if (core && ports[0]) attach(core, ports[0]);
        return;
      case 'grant':
        control.postMessage({ type: 'reply', id: message.id, ok: true, value: grants.grant(message.dir) });
        return;
      case 'import-file': {
        const envelope = core ? await track(importDigestFile(core, message.file)) : undefined;
        control.postMessage({ type: 'reply', id: message.id, ok: Boolean(envelope?.ok), message: envelope?.ok ? undefined : envelope?.error.message });
        return;
      }
      case 'close':
        closing = true;
        await Promise.allSettled(inFlight);
        await core?.close();
        pages.forEach((page) => page.close());
        control.postMessage({ type: 'closed' });
        resolveClosed();
    }
  }

  control.on('message', ({ data, ports }) => {
    const message = controlMessage.safeParse(data);
    if (message.success) void handle(message.data, ports ?? []);
    else console.error('[digest-reader] core process: unknown control message ignored');
  });
  return closed;
}
