import { CircleCheck, CircleExclamationPoint, FileUp, LoaderCircle, TriangleExclamationPoint } from 'lucide-react';
import { type ChangeEvent, type ReactNode, type RefObject, useId } from 'react';
import { buttonClass } from '../../components';
import { useI18n } from '../../i18n-context';

/** Small pieces shared by the data view's sections. */

export function Card({ title, children, testId, titleId }: { title: string; children: ReactNode; testId?: string; titleId?: string }) {
  const generated = useId();
  const id = titleId ?? generated;
  return (
    <section
      aria-labelledby={id}
      data-testid={testId}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-800/40"
    >
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A determinate progress bar: `done` of `total`, announced as a percentage. */
export function ProgressBar({ label, done, total, testId }: { label: string; done: number; total: number; testId?: string }) {
  const id = useId();
  const { lang } = useI18n();
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const percent = Math.round(ratio * 100);
  const count = new Intl.NumberFormat(lang);
  return (
    <div className="space-y-1">
      <div className="flex justify-between gap-2 text-sm">
        <span id={id}>{label}</span>
        <span className="tabular-nums text-slate-600 dark:text-slate-300">
          {count.format(done)} / {count.format(total)}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={new Intl.NumberFormat(lang, { style: 'percent' }).format(ratio)}
        data-testid={testId}
        className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div className="h-full rounded-full bg-indigo-600 transition-[width] duration-150" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** Work without a measurable end (reading a file, checking rows). */
export function Busy({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p role="status" data-testid={testId} className="flex items-center gap-2 text-slate-700 dark:text-slate-200">
      <LoaderCircle aria-hidden="true" className="h-4 w-4 shrink-0 animate-spin text-indigo-600 dark:text-indigo-300" />
      {children}
    </p>
  );
}

const NOTICE_TONES = {
  error: {
    box: 'border-red-300 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950/60 dark:text-red-100',
    icon: CircleExclamationPoint,
    iconClass: 'text-red-700 dark:text-red-300',
  },
  warning: {
    box: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100',
    icon: TriangleExclamationPoint,
    iconClass: 'text-amber-700 dark:text-amber-300',
  },
  success: {
    box: 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-700 dark:bg-emerald-950/60 dark:text-emerald-100',
    icon: CircleCheck,
    iconClass: 'text-emerald-700 dark:text-emerald-300',
  },
} as const;

/** A boxed message; errors are alerts (read out at once), the others plain notes or status. */
export function Notice({
  tone,
  children,
  testId,
  role,
}: {
  tone: keyof typeof NOTICE_TONES;
  children: ReactNode;
  testId?: string;
  role?: 'alert' | 'status';
}) {
  const { box, icon: Icon, iconClass } = NOTICE_TONES[tone];
  return (
    <div role={role} data-testid={testId} className={`flex items-start gap-2 rounded-md border px-3 py-2 ${box}`}>
      <Icon aria-hidden="true" className={`mt-0.5 h-4 w-4 shrink-0 ${iconClass}`} />
      <div className="min-w-0 space-y-1">{children}</div>
    </div>
  );
}

/**
 * A file input shown as one of our buttons, in the page's language (the native one speaks
 * the browser's), with the chosen file's name beside it. The input itself stays in the
 * page, visually hidden, so labels, focus and `setInputFiles` work as usual.
 */
export function FilePicker(props: {
  label: string;
  accept: string;
  testId: string;
  fileName: string | null;
  noFile: string;
  disabled?: boolean;
  describedBy?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <input
        ref={props.inputRef}
        id={id}
        type="file"
        accept={props.accept}
        data-testid={props.testId}
        aria-describedby={props.describedBy}
        disabled={props.disabled}
        className="peer sr-only"
        onChange={props.onChange}
      />
      <label
        htmlFor={id}
        className={`${buttonClass.secondary} cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-500 peer-disabled:cursor-not-allowed peer-disabled:opacity-60`}
      >
        <FileUp aria-hidden="true" className="h-4 w-4" />
        {props.label}
      </label>
      <span className="min-w-0 truncate text-slate-600 dark:text-slate-300" data-testid={`${props.testId}-name`}>
        {props.fileName ?? props.noFile}
      </span>
    </div>
  );
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
