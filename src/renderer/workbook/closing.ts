/**
 * What runs when the desktop window is about to close, in order: typing is saved first, then anything
 * else registered here (the last automatic backup). Main waits only briefly, so the saves come first.
 */
import { flushAllSaves } from '../hooks/pendingSaves';

const tasks = new Set<() => Promise<void>>();

export function whenClosing(task: () => Promise<void>): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

export async function runClosingTasks(): Promise<void> {
  await flushAllSaves();
  for (const task of tasks) await task().catch(() => undefined);
}
