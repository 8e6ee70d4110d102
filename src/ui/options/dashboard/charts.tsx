import { type ReactNode, type RefObject, useLayoutEffect, useRef, useState } from 'react';

/*
 * Small SVG charts drawn at the pixel width of their container (measured, so text stays
 * crisp and never stretches). Each is one `role="img"` with a spoken summary; the exact
 * numbers are in the table every card carries beside it.
 */

/** Fill classes, written out in full so Tailwind finds them. */
export const TONES = {
  indigo: 'fill-indigo-600 dark:fill-indigo-400',
  sky: 'fill-sky-500 dark:fill-sky-400',
  teal: 'fill-teal-600 dark:fill-teal-400',
  amber: 'fill-amber-500 dark:fill-amber-400',
  rose: 'fill-rose-500 dark:fill-rose-400',
  violet: 'fill-violet-500 dark:fill-violet-300',
  green: 'fill-emerald-600 dark:fill-emerald-400',
  red: 'fill-red-600 dark:fill-red-400',
  slate: 'fill-slate-400 dark:fill-slate-500',
} as const;
export type Tone = keyof typeof TONES;

const TRACK = 'fill-slate-100 dark:fill-slate-800';
const TEXT = 'fill-slate-700 dark:fill-slate-200';
const MUTED = 'fill-slate-600 dark:fill-slate-300';
const GRID = 'stroke-slate-200 dark:stroke-slate-700';

export function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export type Bar = { key: string; label: string; value: number; text: string; tone?: Tone; target?: number | null };

/**
 * Horizontal bars, one per row: label on the left, value on the right. With `target`, a
 * marker shows where the objective lies (objectives vs actuals).
 */
export function BarList({
  bars,
  summary,
  labelWidth = 130,
  valueWidth = 86,
  max,
  ownScale = false,
}: {
  bars: Bar[];
  summary: string;
  labelWidth?: number;
  /** Room for the value's text on the right of each bar. */
  valueWidth?: number;
  max?: number;
  /** Each bar scaled to itself and its target (objectives in different units); otherwise one scale for all. */
  ownScale?: boolean;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const rowHeight = 30;
  const barHeight = 16;
  const plot = Math.max(40, width - labelWidth - valueWidth - 12);
  const top = Math.max(max ?? 0, ...bars.map((bar) => Math.max(bar.value, bar.target ?? 0)), 1e-9);
  return (
    <div ref={ref} className="w-full">
      {width > 0 && (
        <svg width={width} height={bars.length * rowHeight} role="img" aria-label={summary} className="block overflow-visible">
          {bars.map((bar, index) => {
            const y = index * rowHeight;
            // On its own scale, the target sits at 80 % of the track so that going past it shows.
            const scale = ownScale ? Math.max(bar.value, (bar.target ?? 0) * 1.25, 1e-9) : top;
            const length = bar.value > 0 ? Math.max(2, Math.min(plot, (plot * bar.value) / scale)) : 0;
            return (
              <g key={bar.key}>
                <text x={labelWidth - 8} y={y + rowHeight / 2} dominantBaseline="central" textAnchor="end" className={`${TEXT} text-xs`}>
                  {bar.label}
                </text>
                <rect x={labelWidth} y={y + (rowHeight - barHeight) / 2} width={plot} height={barHeight} rx={3} className={TRACK} />
                <rect
                  x={labelWidth}
                  y={y + (rowHeight - barHeight) / 2}
                  width={length}
                  height={barHeight}
                  rx={3}
                  className={TONES[bar.tone ?? 'indigo']}
                />
                {bar.target != null && bar.target > 0 && (
                  <line
                    x1={labelWidth + (plot * bar.target) / scale}
                    x2={labelWidth + (plot * bar.target) / scale}
                    y1={y + 3}
                    y2={y + rowHeight - 3}
                    strokeWidth={2.5}
                    className="stroke-slate-900 dark:stroke-white"
                  />
                )}
                <text
                  x={labelWidth + plot + 10}
                  y={y + rowHeight / 2}
                  dominantBaseline="central"
                  className={`${TEXT} text-xs font-semibold tabular-nums`}
                >
                  {bar.text}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}

export type Segment = { key: string; label: string; value: number; tone: Tone };

/** One bar split into parts (relances on time / late / overdue / pending), with its legend. */
export function StackedBar({ segments, summary }: { segments: Segment[]; summary: string }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const total = segments.reduce((sum, segment) => sum + segment.value, 0);
  let x = 0;
  return (
    <div>
      <div ref={ref} className="w-full">
        {width > 0 && (
          <svg width={width} height={28} role="img" aria-label={summary} className="block">
            <rect x={0} y={4} width={width} height={20} rx={4} className={TRACK} />
            {total > 0 &&
              segments.map((segment) => {
                const length = (width * segment.value) / total;
                const start = x;
                x += length;
                return segment.value > 0 ? (
                  <rect key={segment.key} x={start} y={4} width={Math.max(1, length - 1)} height={20} className={TONES[segment.tone]} />
                ) : null;
              })}
          </svg>
        )}
      </div>
      <Legend
        items={segments.map((segment) => ({ key: segment.key, label: segment.label, tone: segment.tone, value: String(segment.value) }))}
      />
    </div>
  );
}

export function Legend({ items }: { items: { key: string; label: string; tone: Tone; value?: string }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-200">
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1.5">
          <svg width={10} height={10} aria-hidden="true" className="shrink-0">
            <rect width={10} height={10} rx={2} className={TONES[item.tone]} />
          </svg>
          {item.label}
          {item.value !== undefined && <span className="font-semibold tabular-nums">{item.value}</span>}
        </li>
      ))}
    </ul>
  );
}

export type Column = { key: string; label: string; segments: { key: string; value: number }[]; total: number };

/** A round top for the axis: 1, 2 or 5 times a power of ten, at least `value`. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Vertical stacked columns (contacts per week, split by channel). */
export function StackedColumns({
  columns,
  series,
  summary,
  height = 200,
}: {
  columns: Column[];
  series: { key: string; tone: Tone }[];
  summary: string;
  height?: number;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const axis = 36;
  const bottom = 22;
  const top = 8;
  const plotWidth = Math.max(40, width - axis - 4);
  const plotHeight = height - bottom - top;
  const maximum = niceMax(Math.max(0, ...columns.map((column) => column.total)));
  const ticks = maximum >= 2 ? [0, maximum / 2, maximum] : [0, maximum];
  const slot = plotWidth / Math.max(1, columns.length);
  const barWidth = Math.max(3, Math.min(40, slot * 0.7));
  // Every k-th label, so that they never overlap.
  const every = Math.max(1, Math.ceil(56 / slot));
  const tone = new Map(series.map((item) => [item.key, TONES[item.tone]]));
  const yOf = (value: number) => top + plotHeight - (plotHeight * value) / maximum;
  return (
    <div ref={ref} className="w-full">
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={summary} className="block">
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={axis} x2={width} y1={yOf(tick)} y2={yOf(tick)} className={GRID} />
              <text x={axis - 6} y={yOf(tick)} dominantBaseline="central" textAnchor="end" className={`${MUTED} text-[11px] tabular-nums`}>
                {Number.isInteger(tick) ? tick : tick.toFixed(1)}
              </text>
            </g>
          ))}
          {columns.map((column, index) => {
            const x = axis + slot * index + (slot - barWidth) / 2;
            let y = top + plotHeight;
            return (
              <g key={column.key}>
                {column.segments.map((segment) => {
                  if (segment.value <= 0) return null;
                  const length = (plotHeight * segment.value) / maximum;
                  y -= length;
                  return (
                    <rect
                      key={segment.key}
                      x={x}
                      y={y}
                      width={barWidth}
                      height={Math.max(1, length - 0.5)}
                      className={tone.get(segment.key)}
                    />
                  );
                })}
                {index % every === 0 && (
                  <text x={x + barWidth / 2} y={height - 6} textAnchor="middle" className={`${MUTED} text-[11px]`}>
                    {column.label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}

/** A card: title, one-line explanation, the chart, and its numbers behind a disclosure. */
export function ChartCard(props: {
  title: string;
  hint?: string;
  testId: string;
  data?: Record<`data-${string}`, string | number>;
  numbersLabel: string;
  table?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const headingId = `${props.testId}-title`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={props.testId}
      {...props.data}
      className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-800/40 ${props.className ?? ''}`}
    >
      <h2 id={headingId} className="font-semibold text-slate-900 dark:text-slate-100">
        {props.title}
      </h2>
      {props.hint && <p className="mb-3 text-xs text-slate-600 dark:text-slate-300">{props.hint}</p>}
      {props.children}
      {props.table && (
        <details className="mt-3 text-xs">
          <summary className="w-fit cursor-pointer rounded text-indigo-700 hover:underline dark:text-indigo-300">
            {props.numbersLabel}
          </summary>
          <div className="mt-2 overflow-x-auto">{props.table}</div>
        </details>
      )}
    </section>
  );
}

export const tableClass =
  'w-full border-collapse text-left text-xs [&_td]:border-t [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1 [&_th]:font-semibold dark:[&_td]:border-slate-700';
