/** The assessor's wording of a finding: how a change lands on the stored override (see findingPatch). */
import type { z } from 'zod';
import type { findingPatch } from '../records/inputs';
import type { FindingOverride } from '../records/model';

export type FindingPatch = z.output<typeof findingPatch>;

/**
 * The override after a change: `undefined` leaves it as it is, `null` removes it whole, and an object
 * changes only the fields it names (null puts that field back to the derived value). An override left
 * with nothing in it is removed, so an answer never carries an empty one.
 */
export function applyFindingOverride(
  stored: FindingOverride | undefined,
  change: FindingPatch | null | undefined,
): FindingOverride | undefined {
  if (change === undefined) return stored;
  if (change === null) return undefined;
  const next: Record<string, string> = { ...(stored ?? {}) };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return Object.keys(next).length ? (next as FindingOverride) : undefined;
}
