/** Short messages at the bottom of the window, with Undo for deletions. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ToastContext, type ToastRequest } from './toast';

const SHOW_MS = 8000;

export function ToastHost({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<(ToastRequest & { key: number }) | null>(null);
  const show = useCallback((request: ToastRequest) => setToast({ ...request, key: Date.now() }), []);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toast && (
          <div className={`toast${toast.tone === 'error' ? ' error' : ''}`} key={toast.key}>
            <span>{toast.message}</span>
            {toast.undo && (
              <button
                type="button"
                onClick={() => {
                  const undo = toast.undo!;
                  setToast(null);
                  void undo();
                }}
              >
                Undo
              </button>
            )}
            {toast.action && (
              <button
                type="button"
                onClick={() => {
                  const action = toast.action!;
                  setToast(null);
                  void action.run();
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="link-button" aria-label="Dismiss message" onClick={() => setToast(null)}>
              ×
            </button>
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}
