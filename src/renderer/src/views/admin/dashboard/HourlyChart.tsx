// A chart of hourly figures drawn with uPlot (canvas; see docs/ARCHITECTURE.md
// for why), always paired with the same figures as a table: the table is the
// accessible form, the chart the picture. uPlot is loaded on first use and
// only where a canvas can draw (not in jsdom), so a test reads the table.
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type uPlotType from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { HourFigures } from '../../../../../shared/reports';
import { intlLocale } from '../../../../../shared/i18n/languages';
import { useI18nStore, useLanguage, useT } from '../../../i18n/i18n-store';
import { dateTimeFormat } from '../../../lib/intl-cache';

export interface ChartSeries {
  label: string;
  /** The value per hour; null leaves a gap. */
  values: (h: HourFigures) => number | null;
  /** How the table shows a value. */
  format: (value: number | null) => string;
  color: string;
  kind: 'bars' | 'line';
}

/** An axis tick: the hour, and the day too where the day changes (or at the first tick). */
export function tickLabel(
  at: number,
  before: number | undefined,
  locale: string,
  localise: (text: string) => string,
) {
  const date = new Date(at * 1000);
  const newDay = before === undefined || new Date(before * 1000).toDateString() !== date.toDateString();
  const hour = dateTimeFormat(locale, { hour: 'numeric' }).format(date);
  return localise(
    newDay ? `${hour}\n${dateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(date)}` : hour,
  );
}

const canDraw = (): boolean =>
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  typeof ResizeObserver === 'function' &&
  !/jsdom/i.test(navigator.userAgent);

export const hourLabel = (iso: string, withDay: boolean, locale: string) =>
  dateTimeFormat(locale, {
    ...(withDay ? { month: 'short', day: 'numeric' } : {}),
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));

const chartData = (hours: HourFigures[], series: ChartSeries[]): uPlotType.AlignedData => [
  hours.map((h) => Date.parse(h.start) / 1000),
  ...series.map((s) => hours.map((h) => s.values(h))),
];

/**
 * One hour's row, memoised on the hour's figures: a change event moves one hour (the figures
 * keep the others' objects, `useDashboard`), so one row renders again, not the day's 24.
 */
const HourRow = memo(function HourRow({
  h,
  series,
  withDay,
}: {
  h: HourFigures;
  series: ChartSeries[];
  withDay: boolean;
}) {
  const language = useLanguage();
  const localise = useI18nStore((s) => s.translator.localise);
  return (
    <tr>
      <th scope="row">{localise(hourLabel(h.start, withDay, intlLocale(language)))}</th>
      {series.map((s) => (
        <td key={s.label}>{s.format(s.values(h))}</td>
      ))}
    </tr>
  );
});

/**
 * The figures as a table, behind a disclosure. Its own component, so a render of the chart
 * around it (its title, its summary) does not format every hour again.
 */
const HourTable = memo(function HourTable({
  title,
  hours,
  series,
}: {
  title: string;
  hours: HourFigures[];
  series: ChartSeries[];
}) {
  const t = useT();
  const withDay = hours.length > 24;
  return (
    <details className="chart-table">
      <summary>{t('chart.asTable', { title })}</summary>
      <table className="table table-compact" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{t('chart.hour')}</th>
            {series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hours.map((h) => (
            <HourRow key={h.start} h={h} series={series} withDay={withDay} />
          ))}
        </tbody>
      </table>
    </details>
  );
});

/** The same figures to draw: a change that left this chart's series alone redraws nothing. */
function sameData(a: uPlotType.AlignedData, b: uPlotType.AlignedData): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y || x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

export function HourlyChart({
  title,
  summary,
  hours,
  series,
  unit,
}: {
  title: string;
  /** One sentence for the chart's accessible name: what it shows, in totals. */
  summary: string;
  hours: HourFigures[];
  series: ChartSeries[];
  /** The y axis label. */
  unit: string;
}) {
  const t = useT();
  const language = useLanguage();
  const localise = useI18nStore((s) => s.translator.localise);
  const target = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlotType | null>(null);
  const [drawn, setDrawn] = useState(false);
  const withDay = hours.length > 24;

  const data = useMemo(() => chartData(hours, series), [hours, series]);
  // The latest figures, for a plot built later (uPlot loads on first use) to start from.
  const latestData = useRef(data);

  // New figures for the same chart: redrawn in place.
  useEffect(() => {
    if (sameData(latestData.current, data)) return;
    latestData.current = data;
    plot.current?.setData(data);
  }, [data]);

  // The plot is built once per shape (series, unit, language, one day or several) and then
  // only given new figures (below): a change event's new counts redraw the canvas, they do
  // not take the chart down and build it again (axes, legend, DOM, a new canvas).
  useEffect(() => {
    const el = target.current;
    if (!el || !canDraw()) return;
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    let frame = 0;
    const locale = intlLocale(language);
    const number = new Intl.NumberFormat(locale);
    void import('uplot').then(({ default: uPlot }) => {
      if (cancelled) return;
      // Bars of several series stand side by side within their hour, not on top of each other.
      const barSeries = series.filter((s) => s.kind === 'bars').length;
      const bars = (i: number) =>
        uPlot.paths.bars!({
          size: [0.8 / Math.max(1, barSeries), 40],
          align: barSeries > 1 ? (i === 0 ? 1 : -1) : 0,
        });
      const opts: uPlotType.Options = {
        width: Math.max(280, el.clientWidth),
        height: 220,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        // uPlot's own axis and legend text is English (12am, "Time"): ours is the desk's language.
        axes: [
          { values: (_u, splits) => splits.map((at, i) => tickLabel(at, splits[i - 1], locale, localise)) },
          {
            label: unit,
            labelSize: 20,
            values: (_u, splits) => splits.map((n) => localise(number.format(n))),
          },
        ],
        series: [
          {
            label: t('chart.hour'),
            value: (_u, at) =>
              at == null ? '–' : localise(hourLabel(new Date(at * 1000).toISOString(), withDay, locale)),
          },
          ...series.map((s, i) => ({
            label: s.label,
            value: (_u: uPlotType, v: number | null) => s.format(v),
            stroke: s.color,
            width: 2,
            ...(s.kind === 'bars' ? { fill: `${s.color}55`, paths: bars(i) } : { spanGaps: false }),
          })),
        ],
      };
      plot.current = new uPlot(opts, latestData.current, el);
      setDrawn(true);
      // Resized on the next frame, and only when the width really changed: resizing inside the
      // observer's callback would report a ResizeObserver loop as a page error.
      let width = opts.width;
      observer = new ResizeObserver(() => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          const next = Math.max(280, el.clientWidth);
          if (next === width) return;
          width = next;
          plot.current?.setSize({ width, height: 220 });
        });
      });
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      cancelAnimationFrame(frame);
      plot.current?.destroy();
      plot.current = null;
    };
  }, [series, unit, t, language, localise, withDay]);

  return (
    <figure className="chart">
      <figcaption className="subheading">{title}</figcaption>
      <div
        ref={target}
        className="chart-canvas"
        role="img"
        aria-label={t('chart.label', { title, summary })}
        data-drawn={drawn || undefined}
      />
      <HourTable title={title} hours={hours} series={series} />
    </figure>
  );
}
