import { useApp } from '../store';

/** Things the reader must know about their data (a damaged file set aside, a restored backup). */
export function Warnings() {
  const warnings = useApp((s) => s.warnings);
  const fatal = useApp((s) => s.fatal);
  const dismiss = useApp((s) => s.dismissWarning);
  if (!fatal && warnings.length === 0) return null;
  return (
    <div className="banners">
      {fatal && (
        <div className="banner banner-error" role="alert">
          {fatal}
        </div>
      )}
      {warnings.map((w, i) => (
        <div key={`${w.code}-${i}`} className="banner" role="alert">
          <span>{w.message}</span>
          <button type="button" className="ghost" onClick={() => dismiss(i)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
