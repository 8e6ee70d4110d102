import { type RefObject, useCallback, useLayoutEffect, useReducer, useRef } from 'react';

/** A row of the list as shown: enough to tell when an action on it has reached the list. */
export interface ShownRow {
  relanceId: string;
  dueDate: string;
}

/** The buttons a row's actions are on, by data-testid: focus goes to the same one elsewhere. */
export type RowControl = 'relance-done' | 'relance-snooze' | 'relance-snooze-3' | 'relance-snooze-monday';

interface PendingAction {
  relanceId: string;
  control: RowControl;
  /** Its due date when acted on: once the list shows it gone or moved, the action is in. */
  dueDate: string;
  /** The rows' order when acted on, to find the row that followed it. */
  order: string[];
  finished: boolean;
  /** "Done" proposed a relance: its accept button is the next step. */
  toProposal: boolean;
}

export interface RowFocus {
  /** Called as the button is pressed, before anything is written. */
  begin(relanceId: string, control: RowControl): void;
  /** The action is written (and, for "Done", its banner set in the same batch of updates). */
  finish(options?: { toProposal?: boolean }): void;
  /** The action failed: the row stays, and so does the focus. */
  cancel(): void;
}

/** Where a row (RelanceItem) holds its relance's id, so its buttons can be found again after a re-render. */
const ROW_ID_ATTRIBUTE = 'data-relance-id';

/**
 * Keeps the keyboard's place when a row leaves the list ("Done", a snooze): the row and its
 * focused button unmount, which would drop focus to <body> and send the next Tab back to the
 * top. Once the action is written and the list shows it, focus goes to the proposal's accept
 * button if "Done" proposed one, else to the same button on the row that followed (the one
 * before, for the last row), else to `fallback` (the list is empty). Focus the user moved
 * elsewhere meanwhile is left alone.
 */
export function useRowFocus(
  container: RefObject<HTMLElement | null>,
  fallback: RefObject<HTMLElement | null>,
  rows: readonly ShownRow[],
): RowFocus {
  const pending = useRef<PendingAction | null>(null);
  const shown = useRef(rows);
  // finish() re-renders once, so the effect below runs even when the list changed before.
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  useLayoutEffect(() => {
    // The rows as committed: begin() is called from their buttons.
    shown.current = rows;
    const action = pending.current;
    if (!action?.finished) return;
    const acted = rows.find((row) => row.relanceId === action.relanceId);
    // The list has not caught up with the write yet: a later render will.
    if (acted?.dueDate === action.dueDate) return;
    pending.current = null;
    const root = container.current;
    if (!root || !focusIsFree(root, action)) return;
    const target = focusTarget(root, action, rows) ?? fallback.current;
    target?.focus();
  });

  const begin = useCallback((relanceId: string, control: RowControl) => {
    const acted = shown.current.find((row) => row.relanceId === relanceId);
    if (!acted) return;
    pending.current = {
      relanceId,
      control,
      dueDate: acted.dueDate,
      order: shown.current.map((row) => row.relanceId),
      finished: false,
      toProposal: false,
    };
  }, []);
  const finish = useCallback(({ toProposal = false }: { toProposal?: boolean } = {}) => {
    const action = pending.current;
    if (!action) return;
    action.finished = true;
    action.toProposal = toProposal;
    rerender();
  }, []);
  const cancel = useCallback(() => {
    pending.current = null;
  }, []);
  return { begin, finish, cancel };
}

/** Focus was lost with the row, or is still on the button pressed (a row that moved). */
function focusIsFree(root: HTMLElement, action: PendingAction): boolean {
  const active = root.ownerDocument.activeElement;
  if (active === null || active === root.ownerDocument.body) return true;
  return (
    active.getAttribute('data-testid') === action.control &&
    active.closest(`[${ROW_ID_ATTRIBUTE}]`)?.getAttribute(ROW_ID_ATTRIBUTE) === action.relanceId
  );
}

function focusTarget(root: HTMLElement, action: PendingAction, rows: readonly ShownRow[]): HTMLElement | null {
  if (action.toProposal) {
    const accept = root.querySelector<HTMLElement>('[data-testid="relance-proposal-accept"]');
    if (accept) return accept;
  }
  const still = new Set(rows.map((row) => row.relanceId));
  const at = action.order.indexOf(action.relanceId);
  const candidates = [...action.order.slice(at + 1), ...action.order.slice(0, at).reverse(), action.relanceId];
  for (const relanceId of candidates) {
    if (!still.has(relanceId)) continue;
    const control = controlOf(root, relanceId, action.control);
    if (control) return control;
  }
  return null;
}

function controlOf(root: HTMLElement, relanceId: string, control: RowControl): HTMLElement | null {
  for (const row of root.querySelectorAll<HTMLElement>(`[${ROW_ID_ATTRIBUTE}]`)) {
    if (row.getAttribute(ROW_ID_ATTRIBUTE) === relanceId) return row.querySelector<HTMLElement>(`[data-testid="${control}"]`);
  }
  return null;
}
