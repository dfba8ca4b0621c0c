/**
 * Compensating countermeasures on an answer: how a change to one lands on the stored one, and when
 * one counts as recorded. The achieved level stays the assessor's judgement: nothing here scores.
 */
import type { z } from 'zod';
import type { compensatingPatch } from './inputs';
import type { Compensating, Response } from './model';

export type CompensatingPatch = z.output<typeof compensatingPatch>;

export const EMPTY_COMPENSATING: Compensating = { measure: '', reason: '', residualRisk: '', acceptedBy: '' };

/**
 * The countermeasure after a change: `undefined` leaves it as it is, `null` removes it, and an object
 * changes only the fields it names (a null date removes the date).
 */
export function applyCompensating(
  stored: Compensating | undefined,
  change: CompensatingPatch | null | undefined,
): Compensating | undefined {
  if (change === undefined) return stored;
  if (change === null) return undefined;
  const next: Compensating = { ...(stored ?? EMPTY_COMPENSATING) };
  for (const [key, value] of Object.entries(change) as [keyof Compensating, string | null | undefined][]) {
    if (value === undefined) continue;
    if (value === null) delete next[key as 'acceptedOn'];
    else next[key] = value;
  }
  return next;
}

/** The countermeasure worth printing: one with something written in it (an opened, empty form is not). */
export function recordedCompensating(response: Pick<Response, 'compensating'> | undefined): Compensating | undefined {
  const c = response?.compensating;
  if (!c) return undefined;
  const said = [c.measure, c.reason, c.residualRisk, c.acceptedBy].some((text) => text.trim() !== '') || !!c.acceptedOn;
  return said ? c : undefined;
}
