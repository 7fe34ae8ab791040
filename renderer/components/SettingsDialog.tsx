import { useApp } from '../store';
import { Modal } from './Modal';

const THEMES = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['sepia', 'Sepia'],
] as const;

/** Theme, reading typography and reading behaviour; every change applies at once and is kept. */
export function SettingsDialog() {
  const open = useApp((s) => s.overlay === 'settings');
  const openOverlay = useApp((s) => s.openOverlay);
  const settings = useApp((s) => s.settings);
  const set = useApp((s) => s.setSetting);
  if (!settings) return null;
  return (
    <Modal open={open} onClose={() => openOverlay(null)} label="Settings">
      <header className="dialog-head">
        <h2>Settings</h2>
        <button type="button" className="ghost" aria-label="Close" onClick={() => openOverlay(null)}>
          ✕
        </button>
      </header>
      <div className="settings">
        <fieldset>
          <legend>Theme</legend>
          {THEMES.map(([value, label]) => (
            <label key={value} className="radio">
              <input type="radio" name="theme" value={value} checked={settings.theme === value} onChange={() => void set({ theme: value })} />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Reading text</legend>
          <label className="radio">
            <input type="radio" name="font" checked={settings.font === 'serif'} onChange={() => void set({ font: 'serif' })} />
            Serif
          </label>
          <label className="radio">
            <input type="radio" name="font" checked={settings.font === 'sans'} onChange={() => void set({ font: 'sans' })} />
            Sans-serif
          </label>
          <label className="slider">
            <span>Size</span>
            <input
              type="range"
              min={13}
              max={28}
              step={1}
              value={settings.fontSize}
              onChange={(e) => void set({ fontSize: Number(e.target.value) })}
              aria-label="Font size"
            />
            <output>{settings.fontSize}px</output>
          </label>
          <label className="slider">
            <span>Line height</span>
            <input
              type="range"
              min={1.3}
              max={2.1}
              step={0.05}
              value={settings.lineHeight}
              onChange={(e) => void set({ lineHeight: Number(e.target.value) })}
              aria-label="Line height"
            />
            <output>{settings.lineHeight.toFixed(2)}</output>
          </label>
          <label className="slider">
            <span>Width</span>
            <input
              type="range"
              min={45}
              max={100}
              step={1}
              value={settings.readingWidth}
              onChange={(e) => void set({ readingWidth: Number(e.target.value) })}
              aria-label="Reading width"
            />
            <output>{settings.readingWidth} ch</output>
          </label>
        </fieldset>
        <fieldset>
          <legend>Reading</legend>
          <label className="radio">
            <input type="checkbox" checked={settings.markReadOnOpen} onChange={(e) => void set({ markReadOnOpen: e.target.checked })} />
            Mark papers read when opened
          </label>
        </fieldset>
        <p className="preview-text">The quick brown fox reads a digest of papers before breakfast.</p>
      </div>
    </Modal>
  );
}
