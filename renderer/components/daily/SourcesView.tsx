import { useEffect, useState } from 'react';
import { useApp } from '../../store';
import type { FetchProgress, SourceSummary } from '../../store/types';
import { phaseLine, sourceLine } from '../../daily';
import { SOURCE_KIND_LABELS } from '../../../src/api/vocabulary';
import { AddSourceForm } from './AddSourceForm';

/** In the sidebar beside "Sources": a spinner while fetching, a mark when one is failing. */
export function SourcesNavBadge() {
  const fetching = useApp((s) => Object.keys(s.fetching).length);
  const failing = useApp((s) => s.sources.filter((x) => x.state === 'error' || x.state === 'offline').length);
  if (fetching) return <span className="spinner small" role="img" aria-label="Fetching" title="Fetching" />;
  if (failing) return <span className="fail-badge" title={`${failing} failing`}>{`${failing} failing`}</span>;
  return null;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** Subscriptions: add a source, see how each stands, fetch one or all (with progress), remove with undo, the daily hour. */
export function SourcesView() {
  const sources = useApp((s) => s.sources);
  const fetching = useApp((s) => s.fetching);
  const schedule = useApp((s) => s.schedule);
  const nextFetch = useApp((s) => s.nextFetch);
  const lastRun = useApp((s) => s.lastRun);
  const fetchTotal = useApp((s) => s.fetchTotal);
  const loadSources = useApp((s) => s.loadSources);
  const fetchSources = useApp((s) => s.fetchSources);
  const setSchedule = useApp((s) => s.setSchedule);
  const [, tick] = useState(0);
  // "2 h ago" stays true while the view is open.
  useEffect(() => {
    void loadSources();
    const timer = setInterval(() => tick((n) => n + 1), 60_000);
    return () => clearInterval(timer);
  }, [loadSources]);
  const busy = Object.keys(fetching).length;
  // Sources fetched by the app on its own schedule are not counted in fetchTotal: at least those under way.
  const total = Math.max(fetchTotal, busy);
  const failedLast = lastRun?.results.filter((r) => !r.ok).length ?? 0;

  return (
    <section className="daily-view sources-view" aria-labelledby="sources-title">
      <header className="daily-head">
        <div>
          <h1 id="sources-title">Sources</h1>
          <p className="view-sub">Where the day’s papers come from. Each fetch with something new becomes a dated digest.</p>
        </div>
        <button type="button" className="primary" disabled={sources.length === 0 || busy === sources.length} onClick={() => void fetchSources()}>
          Fetch all now
        </button>
      </header>
      {busy > 0 && (
        <div className="fetch-progress" role="status">
          <progress aria-label="Fetching sources" max={total} value={total - busy} />
          <span>
            Fetched {total - busy} of {total}…
          </span>
        </div>
      )}
      {busy === 0 && lastRun && lastRun.results.length > 0 && (
        <p className="last-run" role="status">
          Last fetch: {lastRun.summary}
          {failedLast > 0 && `; ${failedLast === 1 ? '1 source' : `${failedLast} sources`} failed (below)`}.
        </p>
      )}
      {sources.length === 0 ? (
        <p className="empty-note">No sources yet. Add Hugging Face’s daily papers, arXiv categories or any feed below.</p>
      ) : (
        <ul className="source-list" aria-label="Sources">
          {sources.map((s) => (
            <SourceRow key={s.id} source={s} progress={fetching[s.id]} />
          ))}
        </ul>
      )}
      <AddSourceForm />
      <fieldset className="schedule">
        <legend>When the app fetches by itself</legend>
        <label className="check">
          <input type="checkbox" checked={schedule?.atStartup ?? false} onChange={(e) => void setSchedule({ atStartup: e.target.checked })} />
          At start-up
        </label>
        <label className="field inline">
          <span>Every day at</span>
          <select
            value={schedule?.dailyHour ?? ''}
            onChange={(e) => void setSchedule({ dailyHour: e.target.value === '' ? null : Number(e.target.value) })}
            aria-label="Daily fetch hour"
          >
            <option value="">never</option>
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {String(h).padStart(2, '0')}:00
              </option>
            ))}
          </select>
        </label>
        {nextFetch && <span className="view-sub">Next: {new Date(nextFetch).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</span>}
      </fieldset>
    </section>
  );
}

function SourceRow({ source: s, progress }: { source: SourceSummary; progress: FetchProgress | undefined }) {
  const last = useApp((st) => st.lastResults[s.id]);
  const fetchSources = useApp((st) => st.fetchSources);
  const removeSource = useApp((st) => st.removeSource);
  const setView = useApp((st) => st.setView);
  const state = progress ? 'fetching' : s.state;
  return (
    <li className={`source state-${state}`} aria-label={s.name}>
      <div className="source-main">
        <div className="source-name">
          <strong>{s.name}</strong>
          <span className="kind">{SOURCE_KIND_LABELS[s.kind]}</span>
        </div>
        <div className="source-url" title={s.url}>
          {s.url}
        </div>
        <div className="source-state">
          {progress ? (
            <>
              <span className="spinner" aria-hidden="true" /> {phaseLine(progress)}
            </>
          ) : (
            <span className={`state-dot ${state}`} aria-hidden="true" />
          )}
          {!progress && <span>{sourceLine(s, last)}</span>}
        </div>
        {s.error && !progress && (
          <p className="source-error" role="alert">
            {s.error.message}
            {s.error.retryable ? ' It will be tried again later.' : ''} Nothing in your library changed.
          </p>
        )}
      </div>
      <div className="source-actions">
        {s.lastDigestId && (
          <button type="button" className="small ghost" onClick={() => setView({ kind: 'digest', id: s.lastDigestId! })}>
            Latest digest
          </button>
        )}
        <button type="button" className="small" disabled={Boolean(progress)} onClick={() => void fetchSources([s.id])} aria-label={`Fetch now: ${s.name}`}>
          Fetch now
        </button>
        <button type="button" className="small ghost danger" onClick={() => void removeSource(s.id)} aria-label={`Remove ${s.name}`}>
          Remove
        </button>
      </div>
    </li>
  );
}
