/**
 * Who last changed each answer of an assessment, and when, read from the change log itself rather than
 * from a field of the answer: the log is what the hash chain vouches for. Used by the app and by the
 * command line, so both say the same.
 */
import type { AuditEntry, WithheldLink } from './chain';

export interface LastChange {
  actor: string;
  at: string;
}

/** The log ID of an answer: the assessment and the requirement, as the write path logs them. */
export const responseLogId = (assessmentId: string, requirementId: string): string => `${assessmentId}|${requirementId}`;

/**
 * The latest change to each answer of the assessment, keyed by requirement ID. Entries may come in any
 * order (the newest by sequence number wins); withheld entries and baselines (a record found when the
 * log began recording states, not a change by anyone) are skipped.
 */
export function lastChangeByRequirement(entries: Iterable<AuditEntry | WithheldLink>, assessmentId: string): Record<string, LastChange> {
  const prefix = responseLogId(assessmentId, '');
  const latest = new Map<string, { seq: number; change: LastChange }>();
  for (const entry of entries) {
    if ('withheld' in entry || entry.entity !== 'response' || entry.change.op === 'baseline') continue;
    if (!entry.id.startsWith(prefix)) continue;
    const requirementId = entry.id.slice(prefix.length);
    const seen = latest.get(requirementId);
    if (!seen || entry.seq > seen.seq) latest.set(requirementId, { seq: entry.seq, change: { actor: entry.actor, at: entry.at } });
  }
  // fromEntries defines own properties, so a hostile ID such as "__proto__" stays a plain key.
  return Object.fromEntries([...latest].map(([id, { change }]) => [id, change]));
}
