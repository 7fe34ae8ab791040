import { useEffect } from 'react';
import { useApp } from '../store';

/** The last message, with Undo after a destructive action; it fades after a while. */
export function Toast() {
  const toast = useApp((s) => s.toast);
  const dismiss = useApp((s) => s.dismissToast);
  const undo = useApp((s) => s.undoToast);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(dismiss, toast.undo ? 10_000 : toast.tone === 'error' ? 12_000 : 4_000);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);

  if (!toast) return null;
  return (
    <div className={`toast toast-${toast.tone}`} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <span>{toast.message}</span>
      {toast.undo && (
        <button type="button" className="small" onClick={() => void undo()}>
          Undo
        </button>
      )}
      <button type="button" className="ghost small" aria-label="Dismiss message" onClick={dismiss}>
        ✕
      </button>
    </div>
  );
}
