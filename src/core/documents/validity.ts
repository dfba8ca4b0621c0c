/**
 * Whether each claimed level rests on valid evidence, as the documents print it: the cited items,
 * each expired or damaged one marked where it is cited, and the counts from the one rules module.
 */
import { evidenceBacking, evidenceStanding, unbackedClaims, type EvidenceBacking } from '../rules/rules';
import type { Evidence } from '../records/model';
import type { DocContext } from './context';
import { day } from './text';

interface Lookup {
  evidence: Map<string, Evidence>;
  damaged: ReadonlySet<string>;
}

const lookups = new WeakMap<DocContext, Lookup>();

function lookupOf(ctx: DocContext): Lookup {
  let found = lookups.get(ctx);
  if (!found) {
    found = {
      evidence: new Map(ctx.snapshot.evidence.map((e) => [e.id, e])),
      damaged: new Set(ctx.snapshot.damagedEvidence ?? []),
    };
    lookups.set(ctx, found);
  }
  return found;
}

/** Whether an evidence item's file was found missing or changed when the snapshot was taken. */
export function isDamaged(ctx: DocContext, evidenceId: string): boolean {
  return lookupOf(ctx).damaged.has(evidenceId);
}

/** The evidence a requirement cites, sorted into valid, expired and damaged on the snapshot's day. */
export function backingOf(ctx: DocContext, requirementId: string): EvidenceBacking {
  const { evidence, damaged } = lookupOf(ctx);
  const cited = ctx.evidenceIds(requirementId).flatMap((id) => evidence.get(id) ?? []);
  return evidenceBacking(cited, ctx.snapshot.today, damaged);
}

/** "valid (EV-0001, EV-0004); expired: EV-0002 (expired 2026-01-31)", or "none linked". */
export function evidenceStatusText(backing: EvidenceBacking): string {
  const parts: string[] = [];
  if (backing.valid.length) parts.push(`valid (${backing.valid.join(', ')})`);
  if (backing.expired.length) parts.push(`expired: ${backing.expired.map((e) => `${e.id} (expired ${day(e.expiresOn)})`).join(', ')}`);
  if (backing.damaged.length) parts.push(`file missing or changed: ${backing.damaged.join(', ')}`);
  if (!parts.length) return 'none linked';
  return backing.valid.length ? parts.join('; ') : `no valid evidence; ${parts.join('; ')}`;
}

/** One evidence ID as a table cell cites it: "EV-0002 (expired)", "EV-0003 (file missing)" or the bare ID. */
export function citedId(ctx: DocContext, id: string): string {
  const { evidence, damaged } = lookupOf(ctx);
  const e = evidence.get(id);
  if (!e) return id;
  const standing = evidenceStanding(e, ctx.snapshot.today, damaged);
  return standing === 'valid' ? id : `${id} (${standing === 'expired' ? 'expired' : 'file missing or changed'})`;
}

/** The IDs a requirement cites, each marked where it is not valid; "—" when none. */
export function citedList(ctx: DocContext, requirementId: string): string {
  return (
    ctx
      .evidenceIds(requirementId)
      .map((id) => citedId(ctx, id))
      .join(', ') || '—'
  );
}

/** Assessed without valid evidence, and of those at target, over the requirements in scope. */
export function unbackedCounts(ctx: DocContext): { assessed: number; atTarget: number } {
  return unbackedClaims(Object.values(ctx.snapshot.scores.requirements));
}
