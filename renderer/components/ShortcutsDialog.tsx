import { useApp } from '../store';
import { CHORDS, SHORTCUTS } from '../shortcuts';
import { Modal } from './Modal';

const show = (key: string) => (key === 'Escape' ? 'Esc' : key);

/** The cheat sheet of every shortcut (?). */
export function ShortcutsDialog() {
  const open = useApp((s) => s.overlay === 'shortcuts');
  const openOverlay = useApp((s) => s.openOverlay);
  return (
    <Modal open={open} onClose={() => openOverlay(null)} label="Keyboard shortcuts">
      <header className="dialog-head">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="ghost" aria-label="Close" onClick={() => openOverlay(null)}>
          ✕
        </button>
      </header>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.label}>
              <td>
                {s.keys.map((k) => (
                  <kbd key={k}>{show(k)}</kbd>
                ))}
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
          {CHORDS.map((c) => (
            <tr key={c.label}>
              <td>
                <kbd>{c.keys}</kbd>
              </td>
              <td>{c.label}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>r</kbd> <kbd>s</kbd> <kbd>l</kbd> <kbd>t</kbd> <kbd>x</kbd> <kbd>u</kbd>
            </td>
            <td>In triage: read, star, list, tag, skip, undo</td>
          </tr>
        </tbody>
      </table>
    </Modal>
  );
}
