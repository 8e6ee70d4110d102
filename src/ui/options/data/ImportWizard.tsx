import { type ChangeEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { type ColumnMapping, MAPPABLE_FIELDS, type MappableField, MULTI_COLUMN_FIELDS } from '../../../import/mapping';
import type { DuplicatePolicy, ImportResult, ImportWarning, RejectedRow } from '../../../import/plan';
import { buttonClass, inputClass } from '../../components';
import { useI18n } from '../../i18n-context';
import { useStrings } from '../../localized';
import { Busy, Card, errorMessage, FilePicker, Notice, ProgressBar } from './parts';
import type { ListedDuplicate, ParsedSummary, PlanSummary } from './protocol';
import { dataStrings } from './strings';
import type { DataWorker } from './worker-client';

type Loaded = { fileName: string; parsed: ParsedSummary; mapping: ColumnMapping };

type Step =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | ({ kind: 'mapping' } & Loaded)
  | ({ kind: 'planning' } & Loaded)
  | ({ kind: 'report'; plan: PlanSummary; policy: DuplicatePolicy } & Loaded)
  | { kind: 'importing'; fileName: string; done: number; total: number }
  | { kind: 'done'; fileName: string; result: ImportResult }
  | { kind: 'failed'; fileName: string; detail: string | null; emptyFile?: boolean; at: number };

const STEP_INDEX: Record<Step['kind'], number> = {
  idle: 0,
  reading: 0,
  mapping: 1,
  planning: 1,
  report: 2,
  importing: 3,
  done: 3,
  // Where it failed: see `at`.
  failed: 0,
};

/** Steps whose heading takes the focus when they appear. */
const FOCUSED_STEPS: ReadonlySet<Step['kind']> = new Set(['mapping', 'report', 'done', 'failed']);

const IDENTITY_FIELDS: ReadonlySet<MappableField> = new Set(['fullName', 'firstName', 'lastName', 'email', 'linkedinUrl']);

const narrowSelectClass = inputClass.replace('w-full', 'w-full min-w-40');

/** CSV import: file → column mapping → check report → import with progress → result. */
export function ImportWizard({ worker }: { worker: DataWorker }) {
  const s = useStrings(dataStrings);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  // Each file choice gets a number; answers for an older choice are dropped.
  const attempt = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const hintId = useId();

  // A new step's heading takes the focus, so keyboard and screen-reader users follow the wizard.
  useEffect(() => {
    if (FOCUSED_STEPS.has(step.kind)) stepHeading.current?.focus();
  }, [step.kind]);

  const fail = (current: number, fileName: string, at: number, error: unknown) => {
    if (attempt.current !== current) return;
    setStep({ kind: 'failed', fileName, detail: errorMessage(error), at });
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (a re-import) is a change too.
    event.target.value = '';
    if (!file) return;
    const current = ++attempt.current;
    setStep({ kind: 'reading', fileName: file.name });
    try {
      const parsed = await worker.call({ type: 'parse', file });
      if (attempt.current !== current) return;
      if (parsed.rowCount === 0) {
        setStep({ kind: 'failed', fileName: file.name, detail: null, emptyFile: true, at: 0 });
        return;
      }
      setStep({ kind: 'mapping', fileName: file.name, parsed, mapping: parsed.mapping });
    } catch (error) {
      fail(current, file.name, 0, error);
    }
  };

  const checkRows = async ({ fileName, parsed, mapping }: Loaded) => {
    const loaded: Loaded = { fileName, parsed, mapping };
    const current = attempt.current;
    setStep({ ...loaded, kind: 'planning' });
    try {
      const plan = await worker.call({ type: 'plan', mapping: loaded.mapping });
      if (attempt.current !== current) return;
      setStep({ ...loaded, kind: 'report', plan, policy: 'skip' });
    } catch (error) {
      fail(current, loaded.fileName, 1, error);
    }
  };

  const runImport = async (fileName: string, plan: PlanSummary, policy: DuplicatePolicy) => {
    const current = attempt.current;
    const expected = plan.totals.ok + (policy === 'merge' ? plan.totals.duplicates : 0);
    setStep({ kind: 'importing', fileName, done: 0, total: expected });
    try {
      const result = await worker.call({ type: 'execute', onDuplicate: policy }, (done, total) => {
        if (attempt.current === current) setStep({ kind: 'importing', fileName, done, total });
      });
      if (attempt.current !== current) return;
      setStep({ kind: 'done', fileName, result });
    } catch (error) {
      fail(current, fileName, 3, error);
    }
  };

  const restart = () => {
    attempt.current++;
    setStep({ kind: 'idle' });
    fileInput.current?.focus();
  };

  return (
    <Card title={s.importTitle} testId="import-section">
      <p className="text-slate-600 dark:text-slate-300">{s.importIntro}</p>
      <StepList current={step.kind === 'failed' ? step.at : STEP_INDEX[step.kind]} />
      <div className="space-y-1">
        <FilePicker
          inputRef={fileInput}
          label={s.importFile}
          accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
          testId="import-file"
          fileName={step.kind === 'idle' ? null : step.fileName}
          noFile={s.noFileChosen}
          describedBy={hintId}
          disabled={step.kind === 'importing'}
          onChange={(event) => void chooseFile(event)}
        />
        <p id={hintId} className="text-xs text-slate-600 dark:text-slate-300">
          {s.importFileHint}
        </p>
      </div>

      {step.kind === 'reading' && <Busy testId="import-busy">{s.reading(step.fileName)}</Busy>}
      {(step.kind === 'mapping' || step.kind === 'planning') && (
        <MappingStep
          headingRef={stepHeading}
          loaded={step}
          busy={step.kind === 'planning'}
          onChange={(mapping) => step.kind === 'mapping' && setStep({ ...step, mapping })}
          onConfirm={() => void checkRows(step)}
          onCancel={restart}
        />
      )}
      {step.kind === 'report' && (
        <ReportStep
          headingRef={stepHeading}
          plan={step.plan}
          policy={step.policy}
          onPolicy={(policy) => setStep({ ...step, policy })}
          onConfirm={() => void runImport(step.fileName, step.plan, step.policy)}
          onBack={() => setStep({ kind: 'mapping', fileName: step.fileName, parsed: step.parsed, mapping: step.mapping })}
          onCancel={restart}
        />
      )}
      {step.kind === 'importing' && (
        <div className="space-y-2" aria-busy="true">
          <h3 className="font-semibold">{s.importing}</h3>
          <ProgressBar label={s.importProgress} done={step.done} total={step.total} testId="import-progress" />
        </div>
      )}
      {step.kind === 'done' && (
        <div className="space-y-3">
          <Notice tone="success" testId="import-done" role="status">
            <h3 ref={stepHeading} tabIndex={-1} className="font-semibold outline-none" data-created={step.result.created}>
              {s.importDone(step.result.created, step.result.merged)}
            </h3>
          </Notice>
          <button type="button" className={buttonClass.secondary} onClick={restart}>
            {s.importAnother}
          </button>
        </div>
      )}
      {step.kind === 'failed' && (
        <div className="space-y-3">
          <Notice tone="error" testId="import-error" role="alert">
            <h3 ref={stepHeading} tabIndex={-1} className="font-semibold outline-none">
              {step.emptyFile ? s.emptyFile : s.importFailed}
            </h3>
            {step.detail && <p className="break-words text-sm">{s.errorDetail(step.detail)}</p>}
            <p>{s.nothingImported}</p>
          </Notice>
          <button type="button" className={buttonClass.secondary} onClick={restart}>
            {s.startOver}
          </button>
        </div>
      )}
    </Card>
  );
}

function StepList({ current }: { current: number }) {
  const s = useStrings(dataStrings);
  const labels = [s.steps.file, s.steps.mapping, s.steps.check, s.steps.import];
  return (
    <ol aria-label={s.stepsLabel} className="flex flex-wrap gap-x-1 gap-y-1 text-xs">
      {labels.map((label, index) => {
        const state = index < current ? 'past' : index === current ? 'current' : 'future';
        return (
          <li
            key={label}
            aria-current={state === 'current' ? 'step' : undefined}
            className={`flex items-center gap-1.5 rounded-full px-2.5 py-1 ${
              state === 'current'
                ? 'bg-indigo-600 font-medium text-white'
                : state === 'past'
                  ? 'bg-indigo-100 text-indigo-900 dark:bg-indigo-900/60 dark:text-indigo-100'
                  : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200'
            }`}
          >
            <span aria-hidden="true" className="tabular-nums">
              {index + 1}.
            </span>
            {label}
          </li>
        );
      })}
    </ol>
  );
}

type HeadingRef = React.RefObject<HTMLHeadingElement | null>;

function MappingStep(props: {
  headingRef: HeadingRef;
  loaded: Loaded;
  busy: boolean;
  onChange: (mapping: ColumnMapping) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { loaded, busy } = props;
  const { parsed, mapping } = loaded;
  const s = useStrings(dataStrings);
  const headingId = useId();
  const columns = Array.from({ length: parsed.columnCount }, (_, index) => index);
  const chosen = columns.map((index) => mapping[index] ?? null);
  const hasIdentity = chosen.some((field) => field !== null && IDENTITY_FIELDS.has(field));
  const repeated = [...new Set(chosen)].filter(
    (field): field is MappableField =>
      field !== null && !MULTI_COLUMN_FIELDS.has(field) && chosen.filter((other) => other === field).length > 1,
  );

  return (
    <div className="space-y-3" data-testid="import-mapping">
      <h3 ref={props.headingRef} id={headingId} tabIndex={-1} className="font-semibold outline-none">
        {s.mappingTitle}
      </h3>
      <p className="text-slate-600 dark:text-slate-300" data-testid="import-detected">
        {s.detected(s.encodings[parsed.encoding], s.delimiters[parsed.delimiter] ?? parsed.delimiter, parsed.rowCount)}
      </p>
      <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
        <table className="w-full min-w-[36rem] border-collapse text-left" aria-labelledby={headingId}>
          <thead className="bg-slate-50 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200">
            <tr>
              <th scope="col" className="w-1/4 px-3 py-2 font-semibold">
                {s.columnHeader}
              </th>
              <th scope="col" className="w-1/4 px-3 py-2 font-semibold">
                {s.fieldHeader}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {s.previewHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {columns.map((index) => {
              const header = parsed.headers[index] ?? '';
              const name = header || s.untitledColumn(index + 1);
              const field = mapping[index] ?? null;
              return (
                <tr
                  key={index}
                  data-testid="import-mapping-row"
                  data-column={index}
                  className={`border-t border-slate-200 align-top dark:border-slate-700 ${field === null ? 'bg-slate-50/60 dark:bg-slate-900/40' : ''}`}
                >
                  <th scope="row" className="px-3 py-2 font-medium break-words">
                    {header ? name : <span className="italic text-slate-600 dark:text-slate-300">{name}</span>}
                  </th>
                  <td className="px-3 py-2">
                    <select
                      data-testid="import-mapping-select"
                      data-column={index}
                      data-header={header}
                      aria-label={s.fieldFor(name)}
                      className={narrowSelectClass}
                      value={field ?? ''}
                      disabled={busy}
                      onChange={(event) => {
                        const value = event.target.value;
                        props.onChange({ ...mapping, [index]: value === '' ? null : (value as MappableField) });
                      }}
                    >
                      <option value="">{s.ignore}</option>
                      {MAPPABLE_FIELDS.map((option) => (
                        <option key={option} value={option}>
                          {s.fields[option]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="max-w-0 px-3 py-2">
                    <ul className="space-y-0.5 text-xs text-slate-700 dark:text-slate-200">
                      {parsed.preview.map((row, rowIndex) => {
                        const cell = (row[index] ?? '').replace(/\s+/g, ' ').trim();
                        return (
                          // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity but their position
                          <li key={rowIndex} className="truncate" title={cell || undefined}>
                            {cell || (
                              <span aria-hidden="true" className="text-slate-500 dark:text-slate-400">
                                —
                              </span>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!hasIdentity && (
        <Notice tone="error" testId="import-mapping-error" role="alert">
          <p>{s.noIdentityColumn}</p>
        </Notice>
      )}
      {repeated.map((field) => (
        <Notice key={field} tone="warning">
          <p>{s.repeatedField(s.fields[field])}</p>
        </Notice>
      ))}
      {busy ? (
        <Busy testId="import-busy">{s.planning}</Busy>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            data-testid="import-mapping-confirm"
            className={buttonClass.primary}
            disabled={!hasIdentity}
            onClick={props.onConfirm}
          >
            {s.mappingConfirm}
          </button>
          <button type="button" className={buttonClass.secondary} onClick={props.onCancel}>
            {s.cancel}
          </button>
        </div>
      )}
    </div>
  );
}

function ReportStep(props: {
  headingRef: HeadingRef;
  plan: PlanSummary;
  policy: DuplicatePolicy;
  onPolicy: (policy: DuplicatePolicy) => void;
  onConfirm: () => void;
  onBack: () => void;
  onCancel: () => void;
}) {
  const { plan, policy } = props;
  const { totals } = plan;
  const s = useStrings(dataStrings);
  const { lang } = useI18n();
  const policyName = useId();
  const count = new Intl.NumberFormat(lang);
  const willWrite = totals.ok > 0 || (policy === 'merge' && totals.duplicates > 0);

  return (
    <div
      className="space-y-4"
      data-testid="import-report"
      data-ok={totals.ok}
      data-rejected={totals.rejected}
      data-duplicates={totals.duplicates}
      data-warnings={totals.warnings}
    >
      <div>
        <h3 ref={props.headingRef} tabIndex={-1} className="font-semibold outline-none">
          {s.reportTitle}
        </h3>
        <p className="text-slate-600 dark:text-slate-300">{s.rowsInFile(totals.rows)}</p>
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat kind="ok" value={count.format(totals.ok)} label={s.reportCounts.ok} tone="green" />
        <Stat kind="duplicates" value={count.format(totals.duplicates)} label={s.reportCounts.duplicates} tone="amber" />
        <Stat kind="rejected" value={count.format(totals.rejected)} label={s.reportCounts.rejected} tone="red" />
        <Stat kind="warnings" value={count.format(totals.warnings)} label={s.reportCounts.warnings} tone="slate" />
      </dl>

      {totals.rejected > 0 && (
        <RowList title={s.rejectedTitle} total={totals.rejected} listed={plan.rejected.length}>
          {plan.rejected.map((row) => (
            <li key={row.line} data-testid="import-rejected-row" data-line={row.line} data-reason={row.reason}>
              <LineLabel line={row.line} />
              {rejectionText(s, row)}
            </li>
          ))}
        </RowList>
      )}

      {totals.duplicates > 0 && (
        <>
          <RowList title={s.duplicatesTitle} total={totals.duplicates} listed={plan.duplicates.length}>
            {plan.duplicates.map((row) => (
              <li key={row.line} data-testid="import-duplicate-row" data-line={row.line}>
                <LineLabel line={row.line} />
                <span className="font-medium">{row.fullName}</span>
                {s.colon}
                {duplicateText(s, row)}
              </li>
            ))}
          </RowList>
          <fieldset className="space-y-1.5" data-testid="import-duplicate-policy">
            <legend className="mb-1 font-medium">{s.policyTitle}</legend>
            {(['skip', 'merge'] as const).map((option) => (
              <label key={option} className="flex cursor-pointer items-start gap-2">
                <input
                  type="radio"
                  name={policyName}
                  value={option}
                  data-testid="import-policy"
                  data-policy={option}
                  className="mt-1 h-4 w-4 accent-indigo-600"
                  checked={policy === option}
                  onChange={() => props.onPolicy(option)}
                />
                <span>
                  <span className="block">{option === 'skip' ? s.policySkip : s.policyMerge}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-300">
                    {option === 'skip' ? s.policySkipHint : s.policyMergeHint}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        </>
      )}

      {totals.warnings > 0 && (
        <RowList title={s.warningsTitle} total={totals.warnings} listed={plan.warnings.length}>
          {plan.warnings.map((warning, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a line may carry several warnings
            <li key={`${warning.line}-${index}`} data-testid="import-warning" data-line={warning.line} data-code={warning.code}>
              <LineLabel line={warning.line} />
              {warningText(s, warning)}
            </li>
          ))}
        </RowList>
      )}

      {!willWrite && (
        <Notice tone="warning" testId="import-nothing">
          <p>{s.nothingToImport}</p>
        </Notice>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" data-testid="import-confirm" className={buttonClass.primary} disabled={!willWrite} onClick={props.onConfirm}>
          {s.importConfirm(totals.ok, policy === 'merge' ? totals.duplicates : 0)}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={props.onBack}>
          {s.backToMapping}
        </button>
        <button type="button" className={buttonClass.ghost} onClick={props.onCancel}>
          {s.cancel}
        </button>
      </div>
    </div>
  );
}

const STAT_TONES = {
  green: 'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100',
  amber: 'border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100',
  red: 'border-red-200 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100',
  slate: 'border-slate-200 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100',
} as const;

function Stat(props: { kind: string; value: string; label: string; tone: keyof typeof STAT_TONES }) {
  return (
    <div
      className={`flex flex-col-reverse rounded-md border px-3 py-2 ${STAT_TONES[props.tone]}`}
      data-testid="import-count"
      data-kind={props.kind}
    >
      <dt className="text-xs">{props.label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{props.value}</dd>
    </div>
  );
}

function RowList({ title, total, listed, children }: { title: string; total: number; listed: number; children: ReactNode }) {
  const s = useStrings(dataStrings);
  const headingId = useId();
  return (
    <div className="space-y-1">
      <h4 id={headingId} className="font-medium">
        {title} ({total})
      </h4>
      <section
        aria-labelledby={headingId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable list must be reachable by keyboard to be scrolled
        tabIndex={0}
        className="max-h-56 overflow-y-auto rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700"
      >
        <ul className="space-y-1">{children}</ul>
        {total > listed && <p className="mt-1 text-slate-600 dark:text-slate-300">{s.andMore(total - listed)}</p>}
      </section>
    </div>
  );
}

function LineLabel({ line }: { line: number }) {
  const s = useStrings(dataStrings);
  return (
    <span className="font-medium tabular-nums text-slate-700 dark:text-slate-200">
      {s.line(line)}
      {s.colon}
    </span>
  );
}

type Strings = (typeof dataStrings)['fr'];

function rejectionText(s: Strings, row: RejectedRow): string {
  const field = row.field ? (s.recordFields[row.field] ?? row.field) : '';
  switch (row.reason) {
    case 'no-identity':
      return s.rejections['no-identity'];
    case 'invalid-email':
      return s.rejections['invalid-email'](row.value ?? '');
    case 'invalid-linkedin-url':
      return s.rejections['invalid-linkedin-url'](row.value ?? '');
    case 'too-long':
      return s.rejections['too-long'](field, row.limit ?? 0);
    case 'too-many':
      return s.rejections['too-many'](field, row.limit ?? 0);
    case 'invalid-value':
      return s.rejections['invalid-value'](field);
  }
}

function duplicateText(s: Strings, row: ListedDuplicate): string {
  const of = row.of.kind === 'prospect' ? s.duplicateOfProspect(row.of.fullName) : s.duplicateOfRow(row.of.line);
  return `${of}, ${s.via[row.via]}`;
}

function warningText(s: Strings, warning: ImportWarning): string {
  switch (warning.code) {
    case 'unknown-stage':
      return s.warnings['unknown-stage'](warning.value ?? '');
    case 'unknown-qualification':
      return s.warnings['unknown-qualification'](warning.value ?? '');
    case 'csv-syntax':
      return s.warnings['csv-syntax'];
    case 'invalid-email-dropped':
    case 'invalid-linkedin-url-dropped':
    case 'sales-navigator-link':
    case 'unknown-outcome':
    case 'invalid-creation-date':
    case 'invalid-outcome-date':
      return s.warnings[warning.code](warning.value ?? '');
  }
}
