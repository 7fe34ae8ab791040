import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Trends } from '../../store/types';

const SERIES_COLOURS = ['--dot-blue', '--dot-orange', '--dot-green', '--dot-purple', '--dot-pink', '--dot-teal'];
const DAY_S = 86_400;

/** The days of all series, and each series' papers on them (null where it had no digest). */
export function chartData(series: Trends['series']): uPlot.AlignedData {
  const days = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  const x = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const ys = series.map((s) => {
    const byDay = new Map(s.points.map((p) => [p.date, p.papers]));
    return days.map((d) => byDay.get(d) ?? null);
  });
  return [x, ...ys];
}

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
    const opts: uPlot.Options = {
      width: Math.max(320, el.clientWidth),
      height: 240,
      // The table below carries the numbers for a screen reader; the canvas is a picture of them.
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true, range: (_u, min, max) => [min - DAY_S, max + DAY_S] }, y: { range: (_u, _min, max) => [0, Math.max(5, max * 1.1)] } },
      axes: [{ ...axis }, { ...axis, label: 'Papers', labelSize: 20 }],
      series: [
        { label: 'Day', value: (_u, ts) => (ts == null ? '' : new Date(ts * 1000).toISOString().slice(0, 10)) },
        ...series.map((s, i) => {
          const colour = v(SERIES_COLOURS[i % SERIES_COLOURS.length]);
          return { label: s.kind, stroke: colour, fill: colour, paths: bars, points: { show: false } };
        }),
      ],
    };
    const plot = new uPlot(opts, chartData(series), el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: 240 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [series, theme]);
  return <div ref={host} className="chart" role="img" aria-label="Papers per digest over time, by kind of source" />;
}
