import { useEffect, useState } from 'react';
import { plural } from '../format';
import { useApp } from '../store';
import type { Backup } from '../store/backups-slice';
import { Modal } from './Modal';

const REASONS: Record<Backup['reason'], string> = {
  daily: 'Daily',
  'before-migration': 'Before an update',
  'before-restore': 'Before a restore',
  manual: 'Made by you',
};

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Backups: the copies of the reader's notes, tags, lists and highlights the app keeps (one a day,
 * before an update, before a restore), with what each holds; restoring one can be undone.
 */
export function BackupsDialog() {
  const open = useApp((s) => s.overlay === 'backups');
  const openOverlay = useApp((s) => s.openOverlay);
  const backups = useApp((s) => s.backups);
  const load = useApp((s) => s.loadBackups);
  const backupNow = useApp((s) => s.backupNow);
  const restore = useApp((s) => s.restoreBackup);
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(() => {
    if (open) void load();
  }, [open, load]);
  const close = () => {
    setConfirming(null);
    openOverlay(null);
  };

  return (
    <Modal open={open} onClose={close} label="Backups" className="backups-dialog">
      <header className="dialog-head">
        <h2>Backups</h2>
        <button type="button" className="ghost" aria-label="Close" onClick={close}>
          ✕
        </button>
      </header>
      <p className="muted backups-intro">
        Copies of your notes, tags, reading lists and highlights, kept in the library folder. Restoring one replaces your current data; your data as it is now
        is backed up first, so a restore can be undone.
      </p>
      {backups === null ? (
        <p className="muted">Loading…</p>
      ) : backups.length === 0 ? (
        <p className="muted">No backups yet.</p>
      ) : (
        <table className="backups-table">
          <caption className="visually-hidden">Backups, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Notes</th>
              <th scope="col">Tags</th>
              <th scope="col">Lists</th>
              <th scope="col">Highlights</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.id} aria-label={`Backup of ${when(b.createdAt)}`}>
                <th scope="row">
                  {when(b.createdAt)}
                  <span className="backup-reason">{REASONS[b.reason]}</span>
                </th>
                <td>{b.counts.notes.toLocaleString()}</td>
                <td>{b.counts.tags.toLocaleString()}</td>
                <td>{b.counts.lists.toLocaleString()}</td>
                <td>{b.counts.highlights.toLocaleString()}</td>
                <td>
                  {confirming === b.id ? (
                    <span className="backup-confirm">
                      <button
                        type="button"
                        className="primary small"
                        onClick={() => {
                          // Closed, so the reader sees the data restored and the message with its Undo.
                          setConfirming(null);
                          openOverlay(null);
                          void restore(b);
                        }}
                      >
                        Replace my data
                      </button>
                      <button type="button" className="ghost small" onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button type="button" className="small" aria-label={`Restore the backup of ${when(b.createdAt)}`} onClick={() => setConfirming(b.id)}>
                      Restore…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <footer className="backups-foot">
        <span className="muted">{backups ? plural(backups.length, 'backup') : ''}</span>
        <button type="button" onClick={() => void backupNow()}>
          Back up now
        </button>
      </footer>
    </Modal>
  );
}
