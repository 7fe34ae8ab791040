import { useEffect, useState } from 'react';
import { useApp } from '../../store';
import { PapersChart } from './PapersChart';

/** Follows the page's resolved theme (data-theme), so the chart draws in its colours. */
function useTheme(): string {
  const [theme, setTheme] = useState(() => document.documentElement.dataset.theme ?? 'light');
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(document.documentElement.dataset.theme ?? 'light'));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return theme;
}

/** Trends across digests: papers per digest over time, and the terms rising this week (a click searches one). */
export function TrendsView() {
  const trends = useApp((s) => s.trends);
  const error = useApp((s) => s.trendsError);
  const loadTrends = useApp((s) => s.loadTrends);
  const searchTerm = useApp((s) => s.searchTerm);
  const digests = useApp((s) => s.digests);
  const theme = useTheme();
  useEffect(() => {
    void loadTrends();
  }, [loadTrends, digests]);

  const top = Math.max(1, ...(trends?.rising.map((t) => Math.max(t.thisWeek, t.perWeekBefore)) ?? [1]));
  return (
    <section className="daily-view trends-view" aria-labelledby="trends-title">
      <header className="daily-head">
        <div>
          <h1 id="trends-title">Trends</h1>
          {trends && (
            <p className="view-sub">
              This week: {trends.window.from} to {trends.window.until} · {trends.window.papersThisWeek.toLocaleString()} papers, against{' '}
              {trends.window.papersBefore.toLocaleString()} in the four weeks before
            </p>
          )}
        </div>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {trends && (
        <>
          <section className="trend-card" aria-labelledby="per-digest-title">
            <h2 id="per-digest-title">Papers per digest</h2>
            {trends.digests.length === 0 ? <p className="empty-note">No digests yet.</p> : <PapersChart series={trends.series} theme={theme} />}
            <details className="chart-table">
              <summary>As a table</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">Digest</th>
                    <th scope="col">Papers</th>
                  </tr>
                </thead>
                <tbody>
                  {trends.digests.map((d) => (
                    <tr key={d.id}>
                      <td>{d.date}</td>
                      <td>{d.name}</td>
                      <td>{d.papers.toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
          <section className="trend-card" aria-labelledby="rising-title">
            <h2 id="rising-title">Rising this week</h2>
            {trends.rising.length === 0 ? (
              <p className="empty-note">No term is rising yet: trends need a week of digests and the weeks before it.</p>
            ) : (
              <ol className="rising" aria-label="Rising terms">
                {trends.rising.map((t) => (
                  <li key={t.term}>
                    <button type="button" className="term" onClick={() => searchTerm(t.term)} title={`Search for “${t.term}”`}>
                      {t.term}
                    </button>
                    <span className="bars" aria-hidden="true">
                      <span className="bar now" style={{ width: `${(t.thisWeek / top) * 100}%` }} />
                      <span className="bar before" style={{ width: `${(t.perWeekBefore / top) * 100}%` }} />
                    </span>
                    <span className="figures">
                      {t.thisWeek} this week · {t.perWeekBefore.toFixed(1)}/week before
                    </span>
                  </li>
                ))}
              </ol>
            )}
            <p className="legend-note">
              <span className="key now" aria-hidden="true" /> papers this week <span className="key before" aria-hidden="true" /> per week in the four weeks
              before
            </p>
          </section>
        </>
      )}
    </section>
  );
}
