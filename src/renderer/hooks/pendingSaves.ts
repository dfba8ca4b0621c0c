/** Every mounted autosave, so that one request (the desktop window closing) can flush them all. */

type Flush = () => Promise<void>;

const flushes = new Set<Flush>();

export function trackFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Starts every pending save and resolves when all have committed or failed. */
export async function flushAllSaves(): Promise<void> {
  await Promise.allSettled([...flushes].map((flush) => flush()));
}
