import { Notification, type BrowserWindow } from 'electron';

/** An OS notification for a fetch that brought new papers ("23 new papers, 4 match your interests"); a click brings the window forward. */
export function notifyFetched(summary: string, win: () => BrowserWindow | undefined): void {
  if (!Notification.isSupported()) return;
  const note = new Notification({ title: 'Digest Reader', body: summary, silent: false });
  note.on('click', () => {
    const w = win();
    if (!w || w.isDestroyed()) return;
    if (w.isMinimized()) w.restore();
    w.focus();
  });
  note.show();
}
