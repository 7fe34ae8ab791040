import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../store';
import { Modal } from '../Modal';

type CopyState = 'copying' | 'copied' | 'failed';

/**
 * The comparison as a Markdown table: copied to the clipboard at once, and shown in a field to
 * copy from by hand when the clipboard refuses (no permission, no secure context).
 */
export function MarkdownDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const comparisonMarkdown = useApp((s) => s.comparisonMarkdown);
  const [markdown, setMarkdown] = useState<string | null>(null);
  const [copy, setCopy] = useState<CopyState>('copying');
  const field = useRef<HTMLTextAreaElement>(null);

  const copyNow = async (text: string) => {
    setCopy('copying');
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('failed');
      field.current?.select();
    }
  };

  useEffect(() => {
    if (!open) return;
    let live = true;
    void comparisonMarkdown().then((md) => {
      if (!live || md === undefined) return;
      setMarkdown(md);
      void copyNow(md);
    });
    return () => {
      live = false;
      setMarkdown(null); // the next opening prepares the table afresh
    };
  }, [open, comparisonMarkdown]);

  return (
    <Modal open={open} onClose={onClose} label="Markdown table" className="cmp-export">
      <div className="dialog-head">
        <h2>Markdown table</h2>
        <button type="button" className="ghost" onClick={onClose}>
          Close
        </button>
      </div>
      <p className={`cmp-copy-state${copy === 'failed' ? ' error' : ''}`} role="status">
        {markdown === null
          ? 'Preparing the table…'
          : copy === 'copied'
            ? 'Copied to the clipboard (GitHub-flavoured Markdown).'
            : copy === 'failed'
              ? 'The clipboard could not be written: the table is selected below, copy it with Ctrl/⌘ C.'
              : 'Copying…'}
      </p>
      <label className="field">
        <span>Markdown</span>
        <textarea ref={field} readOnly rows={14} wrap="off" value={markdown ?? ''} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="row-actions">
        <button type="button" className="primary small" disabled={markdown === null} onClick={() => markdown && void copyNow(markdown)}>
          Copy again
        </button>
      </div>
    </Modal>
  );
}
