import { createContext, useContext } from 'react';

export interface ToastRequest {
  message: string;
  /** Offered as a button while the toast shows, e.g. to undo a deletion. */
  undo?: () => void | Promise<void>;
  /** Any other offer, e.g. to do again what was interrupted. */
  action?: { label: string; run: () => void | Promise<void> };
  tone?: 'info' | 'error';
}

export const ToastContext = createContext<(toast: ToastRequest) => void>(() => undefined);

export function useToast(): (toast: ToastRequest) => void {
  return useContext(ToastContext);
}
