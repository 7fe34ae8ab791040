import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CoreClient, type CoreClientOptions } from '../../../src/desktop/core-client';
import type { ControlMessage, CoreStatus } from '../../../src/desktop/core-protocol';

/** A core process that the test answers for. */
class Child extends EventEmitter {
  readonly sent: ControlMessage[] = [];
  postMessage(message: ControlMessage) {
    this.sent.push(message);
  }
  say(message: CoreStatus) {
    this.emit('message', message);
  }
  kill() {
    this.emit('exit', 143);
    return true;
  }
}

function client(options: Partial<CoreClientOptions> = {}) {
  const children: Child[] = [];
  const handlers = { onRestart: vi.fn(), onFatal: vi.fn() };
  const core = new CoreClient({
    fork: () => {
      children.push(new Child());
      return children.at(-1)!;
    },
    open: { dataDir: '/data/lib', oldDir: '/cfg/Digest Reader', samplePath: '/app/sample.txt' },
    ...handlers,
    ...options,
  });
  return { core, children, ...handlers };
}

const last = (child: Child) => child.sent.at(-1) as ControlMessage & { id: number };

describe('the main process’s handle on the core process', () => {
  it('starts it with the library to open, and is ready when the core says so', async () => {
    const { core, children } = client();
    expect(children[0].sent).toEqual([{ type: 'open', dataDir: '/data/lib', oldDir: '/cfg/Digest Reader', samplePath: '/app/sample.txt' }]);
    const notice = { level: 'info' as const, message: 'moved' };
    children[0].say({ type: 'ready', dataDir: '/data/lib', notice });
    expect(await core.ready).toEqual({ dataDir: '/data/lib', notice });
  });

  it('asks it to grant a folder and to import a file, matching each answer to its question', async () => {
    const { core, children } = client();
    children[0].say({ type: 'ready', dataDir: '/data/lib' });
    const granted = core.grant('/home/ada/vault/.');
    const grant = last(children[0]);
    const imported = core.importFile('/home/ada/today.txt');
    const imp = last(children[0]);
    expect(grant).toMatchObject({ type: 'grant', dir: '/home/ada/vault/.' });
    expect(imp).toMatchObject({ type: 'import-file', file: '/home/ada/today.txt' });
    expect(imp.id).not.toBe(grant.id);
    children[0].say({ type: 'reply', id: imp.id, ok: false, message: 'empty' });
    children[0].say({ type: 'reply', id: grant.id, ok: true, value: '/home/ada/vault' });
    expect(await granted).toBe('/home/ada/vault');
    expect(await imported).toBe(false);
  });

  it('hands it the core’s end of a page’s channel', () => {
    const { core, children } = client();
    const port = { a: 'port' };
    core.connect(port);
    expect(children[0].sent.at(-1)).toEqual({ type: 'connect' });
  });

  it('starts a core that stopped again, fails what it was asked, and tells the pages once the new one is ready', async () => {
    const { core, children, onRestart, onFatal } = client();
    children[0].say({ type: 'ready', dataDir: '/data/lib' });
    await core.ready;
    const chosen = core.grant('/home/ada/vault');
    children[0].say({ type: 'reply', id: last(children[0]).id, ok: true, value: '/home/ada/vault' });
    await chosen;
    const granted = core.grant('/home/ada/other');
    children[0].emit('exit', 1);
    await expect(granted).rejects.toThrow('The library stopped.');
    expect(children).toHaveLength(2);
    expect(children[1].sent[0]).toMatchObject({ type: 'open', dataDir: '/data/lib' });
    expect(children[1].sent[1]).toEqual({ type: 'grant', id: 0, dir: '/home/ada/vault' }); // still allowed after the restart
    expect(onRestart).not.toHaveBeenCalled();
    children[1].say({ type: 'ready', dataDir: '/data/lib' });
    await vi.waitFor(() => expect(onRestart).toHaveBeenCalledTimes(1));
    core.connect({});
    expect(children[1].sent.at(-1)).toEqual({ type: 'connect' }); // to the new one
    expect(onFatal).not.toHaveBeenCalled();
  });

  it('does not restart one that never opened the library: the first start reports why', async () => {
    const { core, children, onFatal } = client();
    children[0].emit('exit', 1);
    await expect(core.ready).rejects.toThrow(/stopped unexpectedly \(exit code 1\)/);
    expect(children).toHaveLength(1);
    expect(onFatal).not.toHaveBeenCalled(); // the caller shows the reason and quits
    const failing = client();
    failing.children[0].say({ type: 'failed', message: 'Another Digest Reader (process 42) is already using the library' });
    await expect(failing.core.ready).rejects.toThrow('already using the library');
  });

  it('gives up, with the reason, when a restarted core cannot open the library or it keeps stopping', async () => {
    const reopen = client();
    reopen.children[0].say({ type: 'ready', dataDir: '/data/lib' });
    reopen.children[0].emit('exit', 1);
    reopen.children[1].say({ type: 'failed', message: 'The disk is gone.' });
    await vi.waitFor(() => expect(reopen.onFatal).toHaveBeenCalledWith('The disk is gone.'));

    const flaky = client({ maxRestarts: 2 });
    for (let i = 0; i < 3; i++) {
      flaky.children[i].say({ type: 'ready', dataDir: '/data/lib' });
      flaky.children[i].emit('exit', 1);
    }
    expect(flaky.children).toHaveLength(3);
    expect(flaky.onFatal).toHaveBeenCalledWith(expect.stringContaining('started again 2 times'));
  });

  it('closes it by asking, waits until its process is gone, and does not start it again', async () => {
    const { core, children } = client();
    children[0].say({ type: 'ready', dataDir: '/data/lib' });
    let closed = false;
    const closing = core.close().then(() => (closed = true));
    expect(children[0].sent.at(-1)).toEqual({ type: 'close' });
    await Promise.resolve();
    expect(closed).toBe(false); // not before the core has released the library and exited
    await expect(core.grant('/x')).rejects.toThrow('closed');
    children[0].emit('exit', 0);
    await closing;
    expect(children).toHaveLength(1);
    expect(core.close()).toBe(core.close()); // once, however often asked
  });
});
