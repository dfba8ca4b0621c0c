/**
 * The portfolio of this session: the bundles picked, as the worker reported them, and the assessment
 * chosen per site. It lives in memory only (never in the workbook's database), so it survives moving
 * between screens but not closing the app.
 */
import { useSyncExternalStore } from 'react';
import type { PortfolioBundle } from '../../core/portfolio/bundles';
import { readBundlesInWorker } from '../workers/portfolioInWorker';

export interface LoadedEntry {
  key: string;
  name: string;
  size: number;
  phase: 'reading' | 'loaded' | 'refused';
  done: number;
  total: number;
  bundle?: PortfolioBundle;
  /** Why the bundle was refused. */
  message?: string;
}

export interface PortfolioState {
  entries: LoadedEntry[];
  /** Assessment ID by site key, where the user chose one. */
  chosen: Record<string, string>;
  /** Stops the reading under way, when one is. */
  cancel: (() => void) | null;
}

let state: PortfolioState = { entries: [], chosen: {}, cancel: null };
let counter = 0;
const listeners = new Set<() => void>();

function set(next: Partial<PortfolioState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function update(key: string, change: Partial<LoadedEntry>): void {
  set({ entries: state.entries.map((e) => (e.key === key ? { ...e, ...change } : e)) });
}

export const portfolioStore = {
  get: (): PortfolioState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Reads the files in a worker, one after another; each shows as loaded or refused when it is known. */
  async add(files: { name: string; blob: Blob }[]): Promise<void> {
    const batch = files.map((f) => ({ key: `bundle-${++counter}`, name: f.name, blob: f.blob }));
    set({
      entries: [
        ...state.entries,
        ...batch.map((f): LoadedEntry => ({ key: f.key, name: f.name, size: f.blob.size, phase: 'reading', done: 0, total: f.blob.size })),
      ],
    });
    const job = readBundlesInWorker(batch, {
      onProgress: (key, done, total) => update(key, { done, total }),
      onLoaded: (bundle) => update(bundle.key, { phase: 'loaded', bundle }),
      onRefused: (key, message) => update(key, { phase: 'refused', message }),
    });
    set({ cancel: job.cancel });
    const keys = new Set(batch.map((f) => f.key));
    try {
      await job.result;
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      const message = cancelled ? 'reading was cancelled' : `it could not be read (${(error as Error).message})`;
      // Whatever was still being read when the job ended is not part of the portfolio.
      set({ entries: state.entries.map((e) => (keys.has(e.key) && e.phase === 'reading' ? { ...e, phase: 'refused', message } : e)) });
    } finally {
      if (state.cancel === job.cancel) set({ cancel: null });
    }
  },
  remove(key: string): void {
    set({ entries: state.entries.filter((e) => e.key !== key) });
  },
  choose(siteKey: string, assessmentId: string): void {
    set({ chosen: { ...state.chosen, [siteKey]: assessmentId } });
  },
};

export function usePortfolioStore(): PortfolioState {
  return useSyncExternalStore(portfolioStore.subscribe, portfolioStore.get);
}
