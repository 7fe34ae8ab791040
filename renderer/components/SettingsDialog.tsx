import { useApp } from '../store';
import { Modal } from './Modal';
import { FONT_LABELS, FONT_SIZE, FONTS, LINE_HEIGHT, READING_WIDTH, THEME_LABELS, THEMES } from '../../src/api/vocabulary';

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
          {THEMES.map((value) => (
            <label key={value} className="radio">
              <input type="radio" name="theme" value={value} checked={settings.theme === value} onChange={() => void set({ theme: value })} />
              {THEME_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Reading text</legend>
          {FONTS.map((font) => (
            <label key={font} className="radio">
              <input type="radio" name="font" checked={settings.font === font} onChange={() => void set({ font })} />
              {FONT_LABELS[font]}
            </label>
          ))}
          <label className="slider">
            <span>Size</span>
            <input
              type="range"
              min={FONT_SIZE.min}
              max={FONT_SIZE.max}
              step={FONT_SIZE.step}
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
              min={LINE_HEIGHT.min}
              max={LINE_HEIGHT.max}
              step={LINE_HEIGHT.step}
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
              min={READING_WIDTH.min}
              max={READING_WIDTH.max}
              step={READING_WIDTH.step}
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
