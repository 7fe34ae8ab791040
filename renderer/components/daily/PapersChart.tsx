import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Trends } from '../../store/types';

const SERIES_COLOURS = ['--dot-blue', '--dot-orange', '--dot-green', '--dot-purple', '--dot-pink', '--dot-teal'];

/** The days of all series (evenly spaced, one slot per day that had a digest), and each series' papers on them. */
export function chartData(series: Trends['series']): { days: string[]; data: uPlot.AlignedData } {
  const days = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const ys = series.map((s) => {
    const byDay = new Map(s.points.map((p) => [p.date, p.papers]));
    return days.map((d) => byDay.get(d) ?? null);
  });
  return { days, data: [days.map((_, i) => i), ...ys] };
}

const dayLabel = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * Papers per digest over time, a bar per day and kind of source (uPlot on a canvas; its sizes are
 * set through the CSSOM, which the page's CSP allows). Drawn again when the theme or the width changes.
 */
export function PapersChart({ series, theme }: { series: Trends['series']; theme: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || series.length === 0) return;
    const css = getComputedStyle(document.documentElement);
    const v = (name: string) => css.getPropertyValue(name).trim();
    const axis = { stroke: v('--fg-muted'), grid: { stroke: v('--border'), width: 1 }, ticks: { stroke: v('--border'), width: 1 } };
    const bars = uPlot.paths.bars!({ size: [0.8 / Math.max(1, series.length), 40], align: 0 });
    const { days, data } = chartData(series);
    // At most a dozen day labels, whatever the number of days.
    const every = Math.max(1, Math.ceil(days.length / 12));
    const opts: uPlot.Options = {
      width: Math.max(320, el.clientWidth),
      height: 240,
      // The table below carries the numbers for a screen reader; the canvas is a picture of them.
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: () => [-0.6, days.length - 0.4] }, y: { range: (_u, _min, max) => [0, Math.max(5, max * 1.1)] } },
      axes: [
        {
          ...axis,
          splits: () => days.map((_, i) => i).filter((i) => i % every === 0),
          values: (_u, splits) => splits.map((i) => (days[i] ? dayLabel(days[i]) : '')),
        },
        { ...axis, label: 'Papers', labelSize: 20 },
      ],
      series: [
        { label: 'Day' },
        ...series.map((s, i) => {
          const colour = v(SERIES_COLOURS[i % SERIES_COLOURS.length]);
          return { label: s.kind, stroke: colour, fill: colour, paths: bars, points: { show: false } };
        }),
      ],
    };
    const plot = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: 240 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [series, theme]);
  return <div ref={host} className="chart" role="img" aria-label="Papers per digest over time, by kind of source" />;
}
