import { EventEmitter } from 'node:events';
import { expect, it, vi } from 'vitest';

const exposed = new Map<string, unknown>();
const ipcRenderer = Object.assign(new EventEmitter(), { invoke: vi.fn(async () => ({ ok: true, value: 42 })) });
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) }, ipcRenderer }));

it('exposes exactly the transport — invoke and subscribe — and no way to reach ipcRenderer', async () => {
  await import('../../../electron/preload');
  expect([...exposed.keys()]).toEqual(['digestReader', 'digestReaderShell']);
  const transport = exposed.get('digestReader') as {
    invoke(name: string, arg: unknown): Promise<unknown>;
    subscribe(listener: (...args: unknown[]) => void): () => void;
  };
  expect(Object.keys(transport).sort()).toEqual(['invoke', 'subscribe']);

  expect(await transport.invoke('papers.query', { q: 'x' })).toEqual({ ok: true, value: 42 });
  expect(ipcRenderer.invoke).toHaveBeenCalledWith('api', 'papers.query', { q: 'x' });

  const listener = vi.fn();
  const off = transport.subscribe(listener);
  ipcRenderer.emit('event', { sender: ipcRenderer }, 'library.changed', { reason: 'import' });
  expect(listener).toHaveBeenCalledWith('library.changed', { reason: 'import' }); // not the IPC event object
  off();
  ipcRenderer.emit('event', {}, 'library.changed', { reason: 'data' });
  expect(listener).toHaveBeenCalledTimes(1);
  expect(ipcRenderer.listenerCount('event')).toBe(0);
});

it('exposes the shell: a folder dialog and menu commands, over their own channels', async () => {
  await import('../../../electron/preload');
  const shell = exposed.get('digestReaderShell') as { chooseFolder(): Promise<unknown>; onCommand(listener: (command: string) => void): () => void };
  expect(Object.keys(shell).sort()).toEqual(['chooseFolder', 'onCommand']);
  await shell.chooseFolder();
  expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('choose-folder');
  const listener = vi.fn();
  const off = shell.onCommand(listener);
  ipcRenderer.emit('shell', { sender: ipcRenderer }, 'export');
  expect(listener).toHaveBeenCalledWith('export');
  off();
  expect(ipcRenderer.listenerCount('shell')).toBe(0);
});
