import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { RecordNotFoundError, ValidationError, type ValidationIssue } from '../../../db/errors';
import { db } from '../../../db/instance';
import { type OfferDraft, saveOffer } from '../../../db/offers';
import type { Offer } from '../../../model/offer';
import { buttonClass, inputClass } from '../../components';
import { useStrings } from '../../localized';
import { issueStrings, offersStrings } from './strings';
import { localizeIssue } from './validation';

/** Text areas grow with their text (one item per line stays readable). */
const growClass = `${inputClass} field-sizing-content min-h-16 max-h-[32rem]`;

const LIST_FIELDS = ['benefits', 'limits', 'proofPoints'] as const;
type ListField = (typeof LIST_FIELDS)[number];

type ObjectionRow = { row: number; objection: string; answer: string };

type FormState = {
  name: string;
  pitch: string;
  terms: string;
  lists: Record<ListField, string>;
  objections: ObjectionRow[];
};

/** A field-level error: `field` is a form control key (`name`, `benefits`, `objection-3`…). */
type FieldError = { field: string; label: string; message: string };

let nextRow = 0;
const newRow = (objection = '', answer = ''): ObjectionRow => {
  nextRow += 1;
  return { row: nextRow, objection, answer };
};

function initialState(offer: Offer | undefined): FormState {
  return {
    name: offer?.name ?? '',
    pitch: offer?.pitch ?? '',
    terms: offer?.terms ?? '',
    lists: {
      benefits: offer?.benefits.join('\n') ?? '',
      limits: offer?.limits.join('\n') ?? '',
      proofPoints: offer?.proofPoints.join('\n') ?? '',
    },
    objections: offer?.objections.map((item) => newRow(item.objection, item.answer)) ?? [newRow()],
  };
}

/** Non-blank lines with their 1-based line numbers in the textarea (for error messages). */
function linesOf(text: string): { values: string[]; lineNumbers: number[] } {
  const values: string[] = [];
  const lineNumbers: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() !== '') {
      values.push(line.trim());
      lineNumbers.push(index + 1);
    }
  });
  return { values, lineNumbers };
}

export function OfferForm({ offer, onSaved, onCancel }: { offer?: Offer; onSaved: (offer: Offer) => void; onCancel: () => void }) {
  const s = useStrings(offersStrings);
  const si = useStrings(issueStrings);
  const [state, setState] = useState<FormState>(() => initialState(offer));
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const idPrefix = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const id = (field: string) => `${idPrefix}-${field}`;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  // What the form submits, and how to find the control behind each schema path.
  const lists = Object.fromEntries(LIST_FIELDS.map((field) => [field, linesOf(state.lists[field])])) as Record<
    ListField,
    ReturnType<typeof linesOf>
  >;
  const keptObjections = state.objections.filter((row) => row.objection.trim() !== '' || row.answer.trim() !== '');
  const draft: OfferDraft = {
    ...(offer ? { id: offer.id } : {}),
    name: state.name,
    pitch: state.pitch,
    benefits: lists.benefits.values,
    limits: lists.limits.values,
    proofPoints: lists.proofPoints.values,
    objections: keptObjections.map((row) => ({ objection: row.objection, answer: row.answer })),
    ...(state.terms.trim() !== '' ? { terms: state.terms } : {}),
  };

  /** Each schema issue on the control it concerns, worded for the page. */
  const toFieldErrors = (found: readonly ValidationIssue[]): FieldError[] =>
    found.map((issue) => {
      const [head, index, sub] = issue.path.split('.');
      const message = localizeIssue(issue.message, si);
      if (head === 'benefits' || head === 'limits' || head === 'proofPoints') {
        const line = index === undefined ? undefined : lists[head].lineNumbers[Number(index)];
        return { field: head, label: s.fields[head], message: line ? `${s.line(line)} — ${message}` : message };
      }
      if (head === 'objections' && index !== undefined) {
        const position = state.objections.indexOf(keptObjections[Number(index)] as ObjectionRow);
        const row = state.objections[position];
        if (row && (sub === 'objection' || sub === 'answer')) {
          const label = sub === 'objection' ? s.objectionN(position + 1) : s.answerN(position + 1);
          return { field: `${sub}-${row.row}`, label, message };
        }
        return { field: 'objections', label: s.fields.objections, message };
      }
      if (head === 'name' || head === 'pitch' || head === 'terms') return { field: head, label: s.fields[head], message };
      return { field: 'name', label: s.fields.name, message };
    });
  const errorFor = (field: string) => fieldErrors.filter((error) => error.field === field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(null);
    try {
      const saved = await saveOffer(db, draft);
      setFieldErrors([]);
      onSaved(saved);
    } catch (error) {
      if (error instanceof ValidationError) {
        setFieldErrors(toFieldErrors(error.issues));
        requestAnimationFrame(() => summary.current?.focus());
      } else if (error instanceof RecordNotFoundError) {
        setFailure(s.gone);
      } else {
        setFailure(s.unexpected(error instanceof Error ? error.message : String(error)));
      }
    } finally {
      setSaving(false);
    }
  };

  const update = (change: Partial<FormState>) => setState((current) => ({ ...current, ...change }));
  const updateRow = (row: number, change: Partial<ObjectionRow>) =>
    setState((current) => ({
      ...current,
      objections: current.objections.map((item) => (item.row === row ? { ...item, ...change } : item)),
    }));

  const describedBy = (field: string, hint?: string) => {
    const ids = [hint, errorFor(field).length > 0 ? id(`${field}-error`) : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : undefined;
  };
  const invalid = (field: string) => (errorFor(field).length > 0 ? true : undefined);
  const invalidClass = (field: string) => (errorFor(field).length > 0 ? ' border-red-600 dark:border-red-400' : '');

  return (
    <form className="max-w-3xl space-y-4" noValidate onSubmit={(event) => void submit(event)} data-testid="offer-form">
      <h2 ref={heading} tabIndex={-1} className="text-base font-semibold">
        {offer ? s.formTitleEdit(offer.name) : s.formTitleNew}
      </h2>

      {(fieldErrors.length > 0 || failure) && (
        <div
          ref={summary}
          tabIndex={-1}
          role="alert"
          data-testid="offer-errors"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-700 dark:bg-red-950/60 dark:text-red-100"
        >
          {failure ? (
            <p>{failure}</p>
          ) : (
            <>
              <p className="font-semibold">{s.errorsTitle}</p>
              <ul className="mt-1 ml-4 list-disc">
                {fieldErrors.map((error) => (
                  <li key={`${error.field}-${error.message}`}>
                    <a
                      href={`#${id(error.field)}`}
                      className="underline"
                      onClick={(event) => {
                        event.preventDefault();
                        document.getElementById(id(error.field))?.focus();
                      }}
                    >
                      {error.label}
                    </a>
                    {s.colon}
                    {error.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      <Field label={s.fields.name} htmlFor={id('name')} errors={errorFor('name')} errorId={id('name-error')} required>
        <input
          id={id('name')}
          data-testid="offer-field"
          data-field="name"
          className={inputClass + invalidClass('name')}
          value={state.name}
          aria-required="true"
          aria-invalid={invalid('name')}
          aria-describedby={describedBy('name')}
          onChange={(event) => update({ name: event.target.value })}
        />
      </Field>

      <Field label={s.fields.pitch} htmlFor={id('pitch')} errors={errorFor('pitch')} errorId={id('pitch-error')}>
        <textarea
          id={id('pitch')}
          data-testid="offer-field"
          data-field="pitch"
          rows={3}
          className={growClass + invalidClass('pitch')}
          value={state.pitch}
          aria-invalid={invalid('pitch')}
          aria-describedby={describedBy('pitch')}
          onChange={(event) => update({ pitch: event.target.value })}
        />
      </Field>

      <div className="space-y-4">
        {LIST_FIELDS.map((field) => (
          <Field
            key={field}
            label={s.fields[field]}
            htmlFor={id(field)}
            hint={field === 'limits' ? `${s.onePerLine} ${s.limitsHint}` : s.onePerLine}
            hintId={id(`${field}-hint`)}
            errors={errorFor(field)}
            errorId={id(`${field}-error`)}
          >
            <textarea
              id={id(field)}
              data-testid="offer-field"
              data-field={field}
              rows={3}
              className={growClass + invalidClass(field)}
              value={state.lists[field]}
              aria-invalid={invalid(field)}
              aria-describedby={describedBy(field, id(`${field}-hint`))}
              onChange={(event) => update({ lists: { ...state.lists, [field]: event.target.value } })}
            />
          </Field>
        ))}
        <Field label={s.fields.terms} htmlFor={id('terms')} errors={errorFor('terms')} errorId={id('terms-error')}>
          <textarea
            id={id('terms')}
            data-testid="offer-field"
            data-field="terms"
            rows={3}
            className={growClass + invalidClass('terms')}
            value={state.terms}
            aria-invalid={invalid('terms')}
            aria-describedby={describedBy('terms')}
            onChange={(event) => update({ terms: event.target.value })}
          />
        </Field>
      </div>

      <fieldset className="rounded-lg border border-slate-200 p-3 dark:border-slate-700" aria-describedby={id('objections-hint')}>
        <legend className="px-1 text-sm font-medium text-slate-700 dark:text-slate-200">{s.fields.objections}</legend>
        <p id={id('objections-hint')} className="mb-2 text-xs text-slate-500 dark:text-slate-400">
          {s.objectionsHint}
        </p>
        {errorFor('objections').map((error) => (
          <p key={error.message} className="mb-2 text-sm text-red-700 dark:text-red-300">
            {error.message}
          </p>
        ))}
        {state.objections.length === 0 && <p className="mb-2 text-slate-600 dark:text-slate-300">{s.noObjection}</p>}
        <ol className="space-y-3">
          {state.objections.map((row, index) => {
            const objectionField = `objection-${row.row}`;
            const answerField = `answer-${row.row}`;
            return (
              <li
                key={row.row}
                data-testid="objection-row"
                className="grid gap-2 rounded-md bg-slate-50 p-2 lg:grid-cols-[1fr_1.4fr_auto] dark:bg-slate-800/60"
              >
                <Field
                  label={s.objectionN(index + 1)}
                  htmlFor={id(objectionField)}
                  errors={errorFor(objectionField)}
                  errorId={id(`${objectionField}-error`)}
                >
                  <textarea
                    id={id(objectionField)}
                    data-testid="objection-field"
                    data-field="objection"
                    rows={2}
                    className={growClass + invalidClass(objectionField)}
                    value={row.objection}
                    aria-invalid={invalid(objectionField)}
                    aria-describedby={describedBy(objectionField)}
                    onChange={(event) => updateRow(row.row, { objection: event.target.value })}
                  />
                </Field>
                <Field
                  label={s.answerN(index + 1)}
                  htmlFor={id(answerField)}
                  errors={errorFor(answerField)}
                  errorId={id(`${answerField}-error`)}
                >
                  <textarea
                    id={id(answerField)}
                    data-testid="objection-field"
                    data-field="answer"
                    rows={2}
                    className={growClass + invalidClass(answerField)}
                    value={row.answer}
                    aria-invalid={invalid(answerField)}
                    aria-describedby={describedBy(answerField)}
                    onChange={(event) => updateRow(row.row, { answer: event.target.value })}
                  />
                </Field>
                <div className="flex items-start lg:pt-5">
                  <button
                    type="button"
                    data-testid="objection-remove"
                    aria-label={s.removeObjection(index + 1)}
                    title={s.removeObjection(index + 1)}
                    className={buttonClass.ghost}
                    onClick={() => update({ objections: state.objections.filter((item) => item.row !== row.row) })}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          data-testid="objection-add"
          className={`${buttonClass.secondary} mt-3`}
          onClick={() => {
            const row = newRow();
            update({ objections: [...state.objections, row] });
            requestAnimationFrame(() => document.getElementById(id(`objection-${row.row}`))?.focus());
          }}
        >
          <span aria-hidden="true">+</span> {s.addObjection}
        </button>
      </fieldset>

      <div className="flex gap-2">
        <button type="submit" data-testid="offer-save" className={buttonClass.primary} disabled={saving}>
          {saving ? s.saving : s.save}
        </button>
        <button type="button" data-testid="offer-cancel" className={buttonClass.secondary} onClick={onCancel}>
          {s.cancel}
        </button>
      </div>
    </form>
  );
}

function Field(props: {
  label: string;
  htmlFor: string;
  hint?: string;
  hintId?: string;
  errors: FieldError[];
  errorId: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="min-w-0">
      <label htmlFor={props.htmlFor} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-200">
        {props.label}
        {props.required && (
          <span aria-hidden="true" className="text-red-700 dark:text-red-300">
            {' '}
            *
          </span>
        )}
      </label>
      {props.children}
      {props.hint && (
        <p id={props.hintId} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {props.hint}
        </p>
      )}
      {props.errors.length > 0 && (
        <p id={props.errorId} data-testid="field-error" className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">
          {props.errors.map((error) => error.message).join(' ; ')}
        </p>
      )}
    </div>
  );
}
