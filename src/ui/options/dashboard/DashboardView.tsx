import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { db } from '../../../db/instance';
import { assembleKpis, CHANNEL_LABELS, CHANNELS, getStage, type KpiObjectives, type Kpis, STAGES, todayIso } from '../../../process';
import { inputClass } from '../../components';
import { useI18n } from '../../i18n-context';
import { useStrings } from '../../localized';
import { useSettings } from '../../use-settings';
import { viewFromHash } from '../views';
import { type Bar, BarList, ChartCard, Legend, StackedBar, StackedColumns, type Tone, tableClass } from './charts';
import { startDashboardFeedEarly, takeDashboardFeed } from './dashboard-feed';
import { initialChoice, PERIOD_PRESETS, type PeriodChoice, type PeriodPreset, periodOf } from './period';
import { dashboardStrings } from './strings';

const CHANNEL_TONES: Record<(typeof CHANNELS)[number], Tone> = {
  call: 'indigo',
  email: 'sky',
  linkedin: 'teal',
  meeting: 'amber',
  visit: 'rose',
  video: 'violet',
};

const OBJECTIVE_KEYS = ['contactsPerWeek', 'newProspectsPerMonth', 'wonPerMonth'] as const;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

// Opened straight on the dashboard: its reads start now, while React mounts the page.
if (typeof location !== 'undefined' && viewFromHash(location.hash) === 'dashboard') {
  const today = todayIso();
  const period = periodOf(initialChoice(today), today);
  if (period) startDashboardFeedEarly(db, period, today);
}

/**
 * The manager's dashboard (PLAYBOOK.md, "tableau de bord"): every KPI of the playbook for a
 * period, as charts with their numbers. A DashboardFeed reads the tables (whole prospects and
 * stage trail, relances over the period only, contacts as counts per channel and week) and
 * computes each part of the figures as its tables arrive (measured in the page:
 * `data-read-ms`, `data-compute-ms`; `data-prefetched` when they came from the page's prefetch
 * script, see prefetch.ts). `data-ready`
 * says every figure shown is computed from the stored data as it is now, with the objectives.
 */
export function DashboardView() {
  const s = useStrings(dashboardStrings);
  const { lang } = useI18n();
  const today = todayIso();
  const settings = useSettings();
  const [choice, setChoice] = useState<PeriodChoice>(() => initialChoice(today));
  const period = useMemo(() => periodOf(choice, today), [choice, today]);

  const [feed] = useState(() => takeDashboardFeed(db, period ?? { from: today, to: today }, today));
  const data = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
  useEffect(() => {
    if (period) feed.show(period, today);
  }, [feed, period, today]);

  const objectives = settings?.objectives;
  const { parts, period: partsPeriod } = data;
  // Until the period's figures are all there, the previous ones stay (dimmed), never mixed.
  const partsFit =
    parts !== null && period !== null && partsPeriod?.from === period.from && partsPeriod.to === period.to && data.today === today;
  const kpis = useMemo(
    () => (parts && partsPeriod ? assembleKpis(parts, partsPeriod, objectives) : null),
    [parts, partsPeriod, objectives],
  );
  // Shown with the settings' objectives only, so the figures render once, not once more when the settings arrive.
  const figures = period && settings !== undefined ? kpis : null;
  const ready = partsFit && data.current && settings !== undefined;

  const dayFormat = useMemo(() => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }), [lang]);
  const formatIso = (iso: string) =>
    dayFormat.format(new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));

  return (
    <div
      className="@container max-w-6xl space-y-4"
      data-testid="dashboard-view"
      data-read-ms={partsFit ? (data.readMs ?? undefined) : undefined}
      data-compute-ms={partsFit ? (data.computeMs ?? undefined) : undefined}
      data-prefetched={partsFit && data.prefetched ? true : undefined}
      data-ready={ready || undefined}
      aria-busy={!ready}
      data-period-from={period?.from}
      data-period-to={period?.to}
    >
      <PeriodPicker choice={choice} onChange={setChoice} today={today} invalid={period === null} />
      {period && (
        <p className="text-slate-600 dark:text-slate-300" aria-live="polite" data-testid="dashboard-period">
          {s.periodRange(formatIso(period.from), formatIso(period.to))}
        </p>
      )}
      {data.error !== null && (
        <p role="alert" className="font-medium text-red-700 dark:text-red-300" data-testid="dashboard-read-error">
          {s.readFailed(data.error instanceof Error ? `${data.error.name}: ${data.error.message}` : String(data.error))}
        </p>
      )}
      {figures ? (
        <div className={partsFit ? '' : 'opacity-60 transition-opacity'}>
          <Figures kpis={figures} objectives={objectives ?? {}} />
        </div>
      ) : (
        period && <p className="py-6 text-slate-600 dark:text-slate-300">{s.loading}</p>
      )}
    </div>
  );
}

function PeriodPicker(props: { choice: PeriodChoice; today: string; invalid: boolean; onChange: (choice: PeriodChoice) => void }) {
  const s = useStrings(dashboardStrings);
  const id = useId();
  const { choice, today } = props;
  const select = (preset: PeriodPreset) => {
    // Custom starts from the period shown, so only one end needs changing.
    const shown = periodOf(choice, today);
    props.onChange(preset === 'custom' && shown ? { preset, from: shown.from, to: shown.to } : { ...choice, preset });
  };
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-200">{s.period}</legend>
        <div className="flex flex-wrap gap-1" data-testid="period-picker">
          {PERIOD_PRESETS.map((preset) => (
            <label
              key={preset}
              className={`cursor-pointer rounded-md border px-2.5 py-1.5 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-500 ${
                choice.preset === preset
                  ? 'border-indigo-600 bg-indigo-600 font-medium text-white'
                  : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700'
              }`}
            >
              <input
                type="radio"
                name={`${id}-period`}
                value={preset}
                data-testid="period-preset"
                data-preset={preset}
                className="sr-only"
                checked={choice.preset === preset}
                onChange={() => select(preset)}
              />
              {s.presets[preset]}
            </label>
          ))}
        </div>
      </fieldset>
      {choice.preset === 'custom' && (
        <div className="flex flex-wrap items-end gap-2">
          {(['from', 'to'] as const).map((end) => (
            <div key={end}>
              <label htmlFor={`${id}-${end}`} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-200">
                {s[end]}
              </label>
              <input
                id={`${id}-${end}`}
                type="date"
                data-testid={`period-${end}`}
                className={`${inputClass.replace('w-full', '')} w-40`}
                value={choice[end]}
                aria-invalid={props.invalid || undefined}
                aria-describedby={props.invalid ? `${id}-error` : undefined}
                onChange={(event) => props.onChange({ ...choice, [end]: event.target.value })}
              />
            </div>
          ))}
          {props.invalid && (
            <p id={`${id}-error`} role="alert" className="pb-2 text-sm font-medium text-red-700 dark:text-red-300">
              {s.invalidRange}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function Figures({ kpis, objectives }: { kpis: Kpis; objectives: KpiObjectives }) {
  const s = useStrings(dashboardStrings);
  const { lang } = useI18n();
  const number = useMemo(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }), [lang]);
  const percent = useMemo(() => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }), [lang]);
  const shortDay = useMemo(() => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' }), [lang]);
  const stageTitle = (stage: (typeof STAGES)[number]) => getStage(stage).title[lang];
  const rate = (value: number | null) => (value === null ? s.none : percent.format(value));
  const days = (value: number | null) => (value === null ? s.none : s.days(number.format(value)));
  const isoToDate = (iso: string) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

  const { funnel, winRate, cycleLengthDays: cycle, relances, contactsPerWeek: contacts } = kpis;

  const funnelBars: Bar[] = [
    ...STAGES.map(
      (stage): Bar => ({ key: stage, label: stageTitle(stage), value: funnel.byStage[stage], text: String(funnel.byStage[stage]) }),
    ),
    { key: 'won', label: s.outcomeWon, value: funnel.won, text: String(funnel.won), tone: 'green' },
    { key: 'lost', label: s.outcomeLost, value: funnel.lost, text: String(funnel.lost), tone: 'red' },
  ];
  const conversionBars: Bar[] = kpis.conversion.map((step) => ({
    key: `${step.from}-${step.to}`,
    label: s.arrow(stageTitle(step.from), stageTitle(step.to)),
    value: step.rate ?? 0,
    text: rate(step.rate),
  }));
  const stageDayBars: Bar[] = STAGES.map((stage) => ({
    key: stage,
    label: stageTitle(stage),
    value: kpis.avgDaysInStage[stage].meanDays ?? 0,
    text: days(kpis.avgDaysInStage[stage].meanDays),
    tone: 'violet',
  }));
  const relanceSegments = [
    { key: 'onTime', label: s.onTime, value: relances.onTime, tone: 'green' as const },
    { key: 'late', label: s.late, value: relances.late, tone: 'amber' as const },
    { key: 'overdue', label: s.overdue, value: relances.overdueOpen, tone: 'red' as const },
    { key: 'pending', label: s.pending, value: relances.pending, tone: 'slate' as const },
  ];
  const hasObjectives = OBJECTIVE_KEYS.some((key) => objectives[key] !== undefined);
  const objectiveBars: Bar[] = OBJECTIVE_KEYS.map((key) => {
    const figure = kpis.objectives[key];
    return {
      key,
      label: s.objectiveLabels[key],
      // The count against what the plan expects of this period: a pace brought to a month from three days would mislead.
      value: figure.count,
      target: figure.expected,
      text:
        figure.expected === null ? number.format(figure.count) : s.ofExpected(number.format(figure.count), number.format(figure.expected)),
      tone: figure.ratio !== null && figure.ratio >= 1 ? 'green' : 'indigo',
    };
  });
  const summary = (title: string, bars: Bar[]) => s.chartSummary(title, bars.map((bar) => `${bar.label} ${bar.text}`).join(', '));

  return (
    <div className="grid grid-cols-1 gap-4 @3xl:grid-cols-2">
      <div className="grid grid-cols-1 gap-4 @xl:grid-cols-2 @3xl:col-span-2">
        <ChartCard
          title={s.winRate}
          hint={s.winRateHint}
          testId="kpi-win-rate"
          data={{ 'data-value': winRate.rate === null ? '' : round(winRate.rate, 4), 'data-won': winRate.won, 'data-lost': winRate.lost }}
          numbersLabel={s.showNumbers}
          table={
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">{s.won}</th>
                  <th scope="col">{s.lost}</th>
                  <th scope="col">{s.rate}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td className="tabular-nums">{winRate.won}</td>
                  <td className="tabular-nums">{winRate.lost}</td>
                  <td className="tabular-nums">{rate(winRate.rate)}</td>
                </tr>
              </tbody>
            </table>
          }
        >
          <p className="text-3xl font-bold tabular-nums text-slate-900 dark:text-slate-50">{rate(winRate.rate)}</p>
          <p className="mb-2 text-slate-600 dark:text-slate-300">
            {winRate.won + winRate.lost > 0 ? s.wonLost(winRate.won, winRate.lost) : s.noDecision}
          </p>
          {winRate.won + winRate.lost > 0 && (
            <StackedBar
              summary={s.chartSummary(s.winRate, s.wonLost(winRate.won, winRate.lost))}
              segments={[
                { key: 'won', label: s.won, value: winRate.won, tone: 'green' },
                { key: 'lost', label: s.lost, value: winRate.lost, tone: 'red' },
              ]}
            />
          )}
        </ChartCard>

        <ChartCard
          title={s.cycle}
          hint={s.cycleHint}
          testId="kpi-cycle"
          data={{ 'data-days': cycle.meanDays === null ? '' : round(cycle.meanDays, 1), 'data-deals': cycle.deals }}
          numbersLabel={s.showNumbers}
          table={
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">{s.deals}</th>
                  <th scope="col">{s.meanDays}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td className="tabular-nums">{cycle.deals}</td>
                  <td className="tabular-nums">{cycle.meanDays === null ? s.none : number.format(cycle.meanDays)}</td>
                </tr>
              </tbody>
            </table>
          }
        >
          <p className="text-3xl font-bold tabular-nums text-slate-900 dark:text-slate-50">
            {cycle.meanDays === null ? s.none : s.daysLong(number.format(cycle.meanDays))}
          </p>
          <p className="text-slate-600 dark:text-slate-300">{s.cycleDeals(cycle.deals)}</p>
        </ChartCard>
      </div>

      <ChartCard
        title={s.funnel}
        hint={s.funnelHint}
        testId="kpi-funnel"
        data={{ 'data-total': funnel.total }}
        numbersLabel={s.showNumbers}
        table={
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{s.stage}</th>
                <th scope="col">{s.count}</th>
              </tr>
            </thead>
            <tbody>
              {STAGES.map((stage) => (
                <tr key={stage} data-stage={stage} data-count={funnel.byStage[stage]}>
                  <td>{stageTitle(stage)}</td>
                  <td className="tabular-nums">{funnel.byStage[stage]}</td>
                </tr>
              ))}
              <tr data-outcome="won" data-count={funnel.won}>
                <td>{s.outcomeWon}</td>
                <td className="tabular-nums">{funnel.won}</td>
              </tr>
              <tr data-outcome="lost" data-count={funnel.lost}>
                <td>{s.outcomeLost}</td>
                <td className="tabular-nums">{funnel.lost}</td>
              </tr>
            </tbody>
          </table>
        }
      >
        <BarList bars={funnelBars} summary={summary(s.funnel, funnelBars)} />
      </ChartCard>

      <ChartCard
        title={s.conversion}
        hint={s.conversionHint}
        testId="kpi-conversion"
        numbersLabel={s.showNumbers}
        table={
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{s.transition}</th>
                <th scope="col">{s.reached}</th>
                <th scope="col">{s.converted}</th>
                <th scope="col">{s.rate}</th>
              </tr>
            </thead>
            <tbody>
              {kpis.conversion.map((step) => (
                <tr
                  key={`${step.from}-${step.to}`}
                  data-from={step.from}
                  data-to={step.to}
                  data-reached={step.reached}
                  data-converted={step.converted}
                  data-rate={step.rate === null ? '' : round(step.rate, 4)}
                >
                  <td>{s.arrow(stageTitle(step.from), stageTitle(step.to))}</td>
                  <td className="tabular-nums">{step.reached}</td>
                  <td className="tabular-nums">{step.converted}</td>
                  <td className="tabular-nums">{rate(step.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <BarList bars={conversionBars} summary={summary(s.conversion, conversionBars)} labelWidth={190} max={1} />
      </ChartCard>

      <ChartCard
        title={s.contacts}
        hint={s.contactsHint(contacts.total)}
        testId="kpi-contacts-week"
        data={{ 'data-total': contacts.total }}
        className="@3xl:col-span-2"
        numbersLabel={s.showNumbers}
        table={
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{s.week}</th>
                {CHANNELS.map((channel) => (
                  <th key={channel} scope="col">
                    {CHANNEL_LABELS[channel][lang]}
                  </th>
                ))}
                <th scope="col">{s.total}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.weeks.map((week) => (
                <tr key={week.week} data-week={week.week} data-week-start={week.weekStart} data-total={week.total}>
                  <td>{s.weekOf(shortDay.format(isoToDate(week.weekStart)))}</td>
                  {CHANNELS.map((channel) => (
                    <td key={channel} className="tabular-nums" data-channel={channel}>
                      {week.byChannel[channel]}
                    </td>
                  ))}
                  <td className="tabular-nums font-semibold">{week.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        {contacts.total === 0 ? (
          <p className="py-4 text-slate-600 dark:text-slate-300">{s.noContacts}</p>
        ) : (
          <StackedColumns
            summary={s.chartSummary(
              s.contacts,
              contacts.weeks.map((week) => `${s.weekOf(shortDay.format(isoToDate(week.weekStart)))} ${week.total}`).join(', '),
            )}
            columns={contacts.weeks.map((week) => ({
              key: week.week,
              label: shortDay.format(isoToDate(week.weekStart)),
              total: week.total,
              segments: CHANNELS.map((channel) => ({ key: channel, value: week.byChannel[channel] })),
            }))}
            series={CHANNELS.map((channel) => ({ key: channel, tone: CHANNEL_TONES[channel] }))}
          />
        )}
        <Legend
          items={CHANNELS.map((channel) => ({
            key: channel,
            label: CHANNEL_LABELS[channel][lang],
            tone: CHANNEL_TONES[channel],
            value: String(contacts.byChannel[channel]),
          }))}
        />
      </ChartCard>

      <ChartCard
        title={s.relances}
        hint={s.relancesHint}
        testId="kpi-relances"
        data={{
          'data-on-time': relances.onTime,
          'data-late': relances.late,
          'data-overdue': relances.overdueOpen,
          'data-pending': relances.pending,
        }}
        numbersLabel={s.showNumbers}
        table={
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{s.status}</th>
                <th scope="col">{s.relanceCount}</th>
              </tr>
            </thead>
            <tbody>
              {relanceSegments.map((segment) => (
                <tr key={segment.key} data-status={segment.key} data-count={segment.value}>
                  <td>{segment.label}</td>
                  <td className="tabular-nums">{segment.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      >
        <p className="mb-2 text-lg font-semibold text-slate-900 dark:text-slate-50">
          {relances.onTimeRate === null ? s.noRelances : s.onTimeRate(rate(relances.onTimeRate))}
        </p>
        <StackedBar
          summary={s.chartSummary(s.relances, relanceSegments.map((segment) => `${segment.label} ${segment.value}`).join(', '))}
          segments={relanceSegments}
        />
      </ChartCard>

      <ChartCard
        title={s.daysInStage}
        hint={s.daysInStageHint}
        testId="kpi-days-in-stage"
        numbersLabel={s.showNumbers}
        table={
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col">{s.stage}</th>
                <th scope="col">{s.meanDays}</th>
                <th scope="col">{s.stays}</th>
              </tr>
            </thead>
            <tbody>
              {STAGES.map((stage) => {
                const figure = kpis.avgDaysInStage[stage];
                return (
                  <tr
                    key={stage}
                    data-stage={stage}
                    data-days={figure.meanDays === null ? '' : round(figure.meanDays, 1)}
                    data-stays={figure.stays}
                  >
                    <td>{stageTitle(stage)}</td>
                    <td className="tabular-nums">{figure.meanDays === null ? s.none : number.format(figure.meanDays)}</td>
                    <td className="tabular-nums">{figure.stays}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        }
      >
        <BarList bars={stageDayBars} summary={summary(s.daysInStage, stageDayBars)} />
      </ChartCard>

      <ChartCard
        title={s.objectives}
        hint={s.objectivesHint}
        testId="kpi-objectives"
        data={{ 'data-configured': String(hasObjectives) }}
        numbersLabel={s.showNumbers}
        table={
          hasObjectives ? (
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col">{s.objective}</th>
                  <th scope="col">{s.actual}</th>
                  <th scope="col">{s.expected}</th>
                  <th scope="col">{s.target}</th>
                </tr>
              </thead>
              <tbody>
                {OBJECTIVE_KEYS.map((key) => {
                  const figure = kpis.objectives[key];
                  return (
                    <tr
                      key={key}
                      data-objective={key}
                      data-actual={round(figure.actual, 2)}
                      data-target={figure.target ?? ''}
                      data-expected={figure.expected === null ? '' : round(figure.expected, 2)}
                      data-count={figure.count}
                    >
                      <td>{s.objectiveLabels[key]}</td>
                      <td className="tabular-nums">{number.format(figure.count)}</td>
                      <td className="tabular-nums">{figure.expected === null ? s.noTarget : number.format(figure.expected)}</td>
                      <td className="tabular-nums">{figure.target === null ? s.noTarget : number.format(figure.target)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : undefined
        }
      >
        {hasObjectives ? (
          <BarList bars={objectiveBars} summary={summary(s.objectives, objectiveBars)} labelWidth={190} valueWidth={140} ownScale />
        ) : (
          <p className="text-slate-700 dark:text-slate-200" data-testid="objectives-none">
            {s.objectivesNone}{' '}
            <a href="#/settings" className="font-medium text-indigo-700 underline dark:text-indigo-300">
              {s.objectivesLink}
            </a>
          </p>
        )}
      </ChartCard>
    </div>
  );
}
