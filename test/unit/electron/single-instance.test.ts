import { expect, it, vi } from 'vitest';
import { app, FakeBrowserWindow } from './electron-double';

vi.mock('electron', async () => {
  const { electron } = await import('./electron-double');
  electron.app.requestSingleInstanceLock.mockReturnValue(false); // another instance holds the lock
  return electron;
});
vi.mock('electron-store', async () => ({ default: (await import('./electron-double')).FakeStore }));

it('a second launch quits at once, opening no library and no window (the first one gets its files)', async () => {
  await import('../../../electron/main');
  expect(app.quit).toHaveBeenCalled();
  expect(app.ready).toBe(false);
  expect(FakeBrowserWindow.created).toHaveLength(0);
});
