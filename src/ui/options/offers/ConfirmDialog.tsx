import { useEffect, useId, useRef } from 'react';
import { buttonClass } from '../../components';

export const dangerButtonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60 dark:bg-red-600 dark:hover:bg-red-700';

/**
 * A modal confirmation (native <dialog>: focus stays inside, Escape cancels). Focus starts on
 * the safe choice and goes back where it was when the dialog is dismissed.
 */
export function ConfirmDialog(props: {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    cancelButton.current?.focus();
    return () => {
      if (element?.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="confirm-dialog"
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100"
    >
      <h2 id={titleId} className="text-base font-semibold">
        {props.title}
      </h2>
      <p id={bodyId} className="mt-2 text-slate-700 dark:text-slate-200">
        {props.body}
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button ref={cancelButton} type="button" data-testid="confirm-cancel" className={buttonClass.secondary} onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
        <button type="button" data-testid="confirm-ok" className={dangerButtonClass} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
