/**
 * Work that writes many records runs in one transaction, so a crash leaves all of it or none. What the
 * user was doing is noted (synchronously, in localStorage) while it runs, so that after a crash the app
 * can say what was interrupted and offer to do it again, instead of leaving the user to wonder.
 */
const KEY = 'csms.pending-work';

export interface PendingWork {
  /** What the user asked for, as a sentence fragment: "Opening the sample". */
  label: string;
  /** What to offer again: a key the screen knows ("open-sample"). */
  redo?: string;
  at: string;
}

export async function runTracked<T>(work: Omit<PendingWork, 'at'>, run: () => Promise<T>): Promise<T> {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...work, at: new Date().toISOString() }));
  } catch {
    // Without the note the work still lands whole or not at all; only the later explanation is lost.
  }
  try {
    return await run();
  } finally {
    localStorage.removeItem(KEY);
  }
}

/** What was running when the app last stopped without finishing it; read once, then forgotten. */
export function takeInterrupted(): PendingWork | null {
  try {
    const raw = localStorage.getItem(KEY);
    localStorage.removeItem(KEY);
    if (!raw || raw.length > 1_000) return null;
    const parsed = JSON.parse(raw) as PendingWork;
    return typeof parsed.label === 'string' && typeof parsed.at === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
