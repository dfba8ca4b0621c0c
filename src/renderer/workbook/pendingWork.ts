/**
 * Work that writes many records runs in one transaction, so a crash leaves all of it or none. What the
 * user was doing is noted while it runs (in a small file, which survives a crash where localStorage
 * would not yet have been written), so that after a crash the app can say what was interrupted and
 * offer to do it again, instead of leaving the user to wonder.
 */
import { opfsFile } from './smallFile';

const FILE = 'csms-pending-work.json';
const KEY = 'csms.pending-work';

export interface PendingWork {
  /** What the user asked for, as a sentence fragment: "Opening the sample". */
  label: string;
  /** What to offer again: a key the screen knows ("open-sample"). */
  redo?: string;
  at: string;
}

const file = () => opfsFile(FILE, 1_000);

export async function runTracked<T>(work: Omit<PendingWork, 'at'>, run: () => Promise<T>): Promise<T> {
  const text = JSON.stringify({ ...work, at: new Date().toISOString() });
  try {
    localStorage.setItem(KEY, text);
    await file()?.write(text);
  } catch {
    // Without the note the work still lands whole or not at all; only the later explanation is lost.
  }
  try {
    return await run();
  } finally {
    localStorage.removeItem(KEY);
    await file()?.remove();
  }
}

function parse(raw: string | null): PendingWork | null {
  try {
    if (!raw || raw.length > 1_000) return null;
    const parsed = JSON.parse(raw) as PendingWork;
    return typeof parsed.label === 'string' && typeof parsed.at === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** What was running when the app last stopped without finishing it; read once, then forgotten. */
export async function takeInterrupted(): Promise<PendingWork | null> {
  const found = parse((await file()?.read()) ?? null) ?? parse(localStorage.getItem(KEY));
  localStorage.removeItem(KEY);
  await file()?.remove();
  return found;
}
