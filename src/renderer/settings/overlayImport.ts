/** Decides what an overlay import does with a parsed file: report errors, save, or ask first. */
import type { OverlayEntry, OverlayOutcome } from '../../core/catalogue/overlay';

export type OverlayPlan =
  | { kind: 'errors'; errors: string[] }
  | { kind: 'save'; entries: OverlayEntry[] }
  | { kind: 'confirm'; entries: OverlayEntry[]; unknownIds: string[] };

export function planOverlayImport(fileName: string, outcome: OverlayOutcome): OverlayPlan {
  if (!outcome.ok) return { kind: 'errors', errors: outcome.errors };
  const { entries, unknownIds } = outcome.value;
  if (entries.length === 0) {
    return { kind: 'errors', errors: [`${fileName}: none of the ${unknownIds.length} IDs in the file are in this catalogue`] };
  }
  return unknownIds.length ? { kind: 'confirm', entries, unknownIds } : { kind: 'save', entries };
}

/** A file waiting for the user to accept that its unknown IDs are left out. */
export interface PendingOverlay {
  fileName: string;
  entries: OverlayEntry[];
  unknownIds: string[];
}

export const entriesLabel = (n: number) => (n === 1 ? '1 entry' : `${n} entries`);
