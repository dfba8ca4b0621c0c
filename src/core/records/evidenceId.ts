/** Human evidence IDs: EV-0001, EV-0002, … (more digits once past 9999). */

/** EV- and at least four digits. */
export const EVIDENCE_ID = /^EV-(\d{4,})$/;

export function formatEvidenceId(number: number): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError('evidence numbers start at 1');
  return `EV-${String(number).padStart(4, '0')}`;
}

export function parseEvidenceId(id: string): number | null {
  const match = EVIDENCE_ID.exec(id);
  return match ? Number(match[1]) : null;
}
