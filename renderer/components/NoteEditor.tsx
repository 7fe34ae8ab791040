import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { useApp } from '../store';

const STATE_LABEL = { saved: 'Saved', editing: 'Editing…', saving: 'Saving…', error: 'Not saved' } as const;

/** Links in a note open outside the app; they never navigate the reader away. */
function NoteLink({ href, children }: { href?: string; children?: React.ReactNode }) {
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** Renders Markdown safely: no raw HTML, and react-markdown empties dangerous URLs (javascript:, data:). */
export function MarkdownView({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml components={{ a: NoteLink, img: ({ alt }) => <span className="img-alt">[image: {alt}]</span> }}>
      {text}
    </ReactMarkdown>
  );
}

/** The paper's Markdown note, with a live preview; saved a moment after typing stops. */
export function NoteEditor() {
  const text = useApp((s) => s.noteText);
  const state = useApp((s) => s.noteState);
  const error = useApp((s) => s.noteError);
  const editNote = useApp((s) => s.editNote);
  const flushNote = useApp((s) => s.flushNote);

  return (
    <section className="note" aria-labelledby="note-heading">
      <div className="section-head">
        <h2 id="note-heading" className="section-heading">
          Note
        </h2>
        <span className={`save-state save-${state}`} role="status" aria-label="Note status">
          {STATE_LABEL[state]}
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          Your note could not be saved: {error}. It is still here; keep this window open and try again.{' '}
          <button type="button" className="small" onClick={() => void flushNote()}>
            Retry
          </button>
        </p>
      )}
      <div className="note-panes">
        <textarea
          aria-label="Note"
          placeholder="Write a note in Markdown…"
          value={text}
          onChange={(e) => editNote(e.target.value)}
          onBlur={() => void flushNote()}
        />
        <div className="note-preview markdown" aria-label="Note preview">
          {text.trim() ? <MarkdownView text={text} /> : <p className="placeholder">The preview appears here.</p>}
        </div>
      </div>
    </section>
  );
}
