import * as path from 'node:path';
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  importDigest(): void;
  exportPapers(): void;
  openRecent(file: string): void;
  clearRecent(): void;
}

/** The application menu: the platform's usual roles, plus File for digests. */
export function menuTemplate(actions: MenuActions, recent: readonly string[], isMac: boolean): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((file) => ({ label: path.basename(file), toolTip: file, click: () => actions.openRecent(file) })),
        { type: 'separator' },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Digests', enabled: false }];
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import Digest…', accelerator: 'CmdOrCtrl+O', click: () => actions.importDigest() },
      { label: 'Recent Digests', submenu: recentItems },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportPapers() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}

export function setMenu(actions: MenuActions, recent: readonly string[]): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, recent, process.platform === 'darwin')));
}
