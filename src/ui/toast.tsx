import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';

interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
}

const ToastContext = createContext<(toast: Omit<Toast, 'id'>) => void>(() => undefined);

const TOAST_MS = 7000;

/** One transient message at the bottom (e.g. "erased — Undo"), announced to screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const show = useCallback((next: Omit<Toast, 'id'>) => setToast({ ...next, id: Date.now() }), []);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast((current) => (current?.id === toast.id ? null : current)), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-3 flex justify-center px-3">
        {toast && (
          <div
            data-testid="toast"
            className="pointer-events-auto flex items-center gap-3 rounded-lg bg-slate-900 px-3 py-2 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
          >
            <span>{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                data-testid="toast-action"
                className="rounded-md px-2 py-1 text-sm font-semibold text-amber-300 underline-offset-2 hover:underline dark:text-indigo-800"
                onClick={() => {
                  const action = toast.action;
                  setToast(null);
                  void action?.run();
                }}
              >
                {toast.action.label}
              </button>
            )}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  return useContext(ToastContext);
}
