/**
 * What the write path tells the rest of the app: a change committed (with the log's new head, for the
 * marker kept outside the database) or a write failed in the storage itself (to offer a recovery copy).
 */
export interface LogHead {
  dbName: string;
  count: number;
  head: string;
}

type Listener<T> = (value: T) => void;

function channel<T>() {
  const listeners = new Set<Listener<T>>();
  return {
    subscribe(listener: Listener<T>): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(value: T): void {
      for (const listener of listeners) {
        try {
          listener(value);
        } catch {
          // A listener's failure must never turn a saved change into a reported failure.
        }
      }
    },
  };
}

export const committed = channel<LogHead>();
export const storageFailed = channel<{ dbName: string; message: string }>();
