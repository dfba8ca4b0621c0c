/**
 * Where the app and the command line get the sheets' findings and action references: the one place to
 * join the findings module to the sheets (`{ findings: findingsOf(...), actionRef }`). Until that module
 * is present the Findings sheet is empty and actions are referenced by their number, or, for records
 * without one, by their place in creation order.
 */
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import type { SheetAction, SheetInputs } from './build';

const ref = (n: number): string => `ACT-${String(n).padStart(4, '0')}`;

export function sheetInputsOf(snapshot: WorkbookSnapshot): SheetInputs {
  const actions = snapshot.actions as SheetAction[];
  const byCreation = [...actions].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const place = new Map(byCreation.map((a, i) => [a.id, i + 1]));
  return {
    findings: [],
    actionRef: (action) => ref(action.number ?? place.get(action.id) ?? 0),
  };
}
