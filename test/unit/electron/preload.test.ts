// The preload alone: the test plays the main process (it answers the port request) and the core
// (it answers on the other end of the port).
import type { MessagePort } from 'node:worker_threads';
import { beforeAll, expect, it, vi } from 'vitest';
import { CONNECT_CORE, CORE_PORT, CORE_RESTARTED, type PageCall } from '../../../src/desktop/core-protocol';
import { contextBridge, FakeBrowserWindow, ipcMain, ipcRenderer } from './electron-double';
import { FakeMessageChannelMain } from './fake-ports';

vi.mock('electron', async () => (await import('./electron-double')).electron);

type Transport = { invoke(name: string, arg: unknown): Promise<unknown>; subscribe(listener: (...args: unknown[]) => void): () => void };
const win = new FakeBrowserWindow({});
void win.loadURL('app://digest-reader/index.html');
let core: MessagePort | undefined; // the core's end of the latest port
const calls: PageCall[] = [];
const requests = vi.fn();
ipcMain.on(CONNECT_CORE, (e: { sender: typeof win.webContents }) => {
  requests();
  const { port1, port2 } = new FakeMessageChannelMain();
  core = port2.port;
  core.on('message', (call: PageCall) => calls.push(call));
  e.sender.postMessage(CORE_PORT, null, [port1]);
});
let transport: Transport;

beforeAll(async () => {
  ipcRenderer.attach(win.webContents);
  await import('../../../electron/preload');
  transport = contextBridge.exposed.get('digestReader') as Transport;
});

it('exposes exactly the transport — invoke and subscribe — and the shell; never the port or ipcRenderer', () => {
  expect([...contextBridge.exposed.keys()]).toEqual(['digestReader', 'digestReaderShell']);
  expect(Object.keys(transport).sort()).toEqual(['invoke', 'subscribe']);
  expect(requests).toHaveBeenCalledTimes(1); // it asked for its port once, on loading
});

it('sends calls over the port and resolves each with its own answer', async () => {
  const first = transport.invoke('papers.query', { q: 'x' });
  const second = transport.invoke('digests.list', {});
  await vi.waitFor(() => expect(calls).toHaveLength(2));
  expect(calls[0]).toMatchObject({ name: 'papers.query', arg: { q: 'x' } });
  core!.postMessage({ id: calls[1].id, envelope: { ok: true, value: 'second' } });
  core!.postMessage({ id: calls[0].id, envelope: { ok: true, value: 'first' } });
  expect(await first).toEqual({ ok: true, value: 'first' });
  expect(await second).toEqual({ ok: true, value: 'second' });
});

it('answers a call whose argument cannot leave the page, without sending it', async () => {
  const sent = calls.length;
  expect(await transport.invoke('notes.save', { text: () => 1 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  expect(calls).toHaveLength(sent);
});

it("relays the core's events to subscribers, without anything else, until they unsubscribe", async () => {
  const listener = vi.fn();
  const off = transport.subscribe(listener);
  core!.postMessage({ event: 'library.changed', payload: { reason: 'import' } });
  await vi.waitFor(() => expect(listener).toHaveBeenCalledWith('library.changed', { reason: 'import' }));
  off();
  const later = vi.fn();
  transport.subscribe(later);
  core!.postMessage({ event: 'library.changed', payload: { reason: 'data' } });
  await vi.waitFor(() => expect(later).toHaveBeenCalledTimes(1)); // delivered, and only to the listener still there
  expect(listener).toHaveBeenCalledTimes(1);
});

it('after a restart: asks for a new port, answers the calls the old core dropped, and tells the page to reload', async () => {
  const listener = vi.fn();
  transport.subscribe(listener);
  const dropped = transport.invoke('tags.list', {});
  await vi.waitFor(() => expect(calls.at(-1)).toMatchObject({ name: 'tags.list' }));
  const old = core;
  win.webContents.send(CORE_RESTARTED); // main, once the new core is ready
  expect(requests).toHaveBeenCalledTimes(2);
  expect(core).not.toBe(old);
  expect(await dropped).toMatchObject({ ok: false, error: { code: 'core-restarted' } });
  expect(listener).toHaveBeenCalledWith('library.changed', { reason: 'data' });
  const next = transport.invoke('lists.list', {});
  await vi.waitFor(() => expect(calls.at(-1)).toMatchObject({ name: 'lists.list' })); // on the new port
  core!.postMessage({ id: calls.at(-1)!.id, envelope: { ok: true, value: 'new core' } });
  expect(await next).toEqual({ ok: true, value: 'new core' });
});

it('exposes the shell: a folder dialog and menu commands, over their own channels', async () => {
  const shell = contextBridge.exposed.get('digestReaderShell') as {
    chooseFolder(): Promise<unknown>;
    onCommand(listener: (command: string) => void): () => void;
  };
  expect(Object.keys(shell).sort()).toEqual(['chooseFolder', 'onCommand']);
  ipcMain.handle('choose-folder', () => '/home/ada/vault');
  expect(await shell.chooseFolder()).toBe('/home/ada/vault');
  const listener = vi.fn();
  const off = shell.onCommand(listener);
  win.webContents.send('shell', 'export');
  expect(listener).toHaveBeenCalledWith('export');
  off();
  expect(ipcRenderer.listenerCount('shell')).toBe(0);
});
