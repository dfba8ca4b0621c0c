/**
 * Checks the data against the change log, and the log against the heads recorded outside it.
 * The chain alone only proves the log is internally consistent; these checks catch a record changed,
 * added or removed around the log, and a log cut short or rebuilt after a head was written down.
 */
import type { AuditEntity, AuditEntry } from './chain';

export interface RecordDigest {
  entity: AuditEntity;
  id: string;
  /** recordState() of the record as stored now. */
  state: string;
}

export interface DataProblem {
  entity: AuditEntity;
  id: string;
  problem: 'not-in-log' | 'changed' | 'removed' | 'deleted-in-log' | 'unrecorded';
  message: string;
}

export type DataVerdict = { ok: true; records: number } | { ok: false; records: number; problems: DataProblem[] };

const key = (entity: string, id: string) => `${entity}\u0000${id}`;

function describe(entity: AuditEntity, id: string): string {
  return `${entity} ${id.split('|').join(' / ')}`;
}

/** Compares every record with the state its last log entry recorded; lists the differences, first first. */
export function reconcile(entries: readonly AuditEntry[], records: readonly RecordDigest[]): DataVerdict {
  // undefined: the last entry predates recorded states and cannot vouch for the record.
  const last = new Map<string, { state: string | null | undefined; entity: AuditEntity; id: string; seq: number }>();
  for (const entry of entries) {
    const state = entry.state !== undefined ? entry.state : entry.change.op === 'delete' ? null : undefined;
    last.set(key(entry.entity, entry.id), { state, entity: entry.entity, id: entry.id, seq: entry.seq });
  }
  const problems: DataProblem[] = [];
  const present = new Set<string>();
  for (const record of records) {
    const k = key(record.entity, record.id);
    present.add(k);
    const logged = last.get(k);
    const what = describe(record.entity, record.id);
    if (!logged) {
      problems.push({ ...record, problem: 'not-in-log', message: `The ${what} is not in the change log: it was added outside the app.` });
    } else if (logged.state === undefined) {
      problems.push({
        ...record,
        problem: 'unrecorded',
        message: `The ${what} was last changed (entry ${logged.seq}) before the log recorded states, so it cannot be checked.`,
      });
    } else if (logged.state === null) {
      problems.push({
        ...record,
        problem: 'deleted-in-log',
        message: `The ${what} was deleted in the change log (entry ${logged.seq}) but is in the workbook: it was put back outside the app.`,
      });
    } else if (logged.state !== record.state) {
      problems.push({
        ...record,
        problem: 'changed',
        message: `The ${what} differs from what the change log last recorded (entry ${logged.seq}): it was changed outside the app.`,
      });
    }
  }
  for (const [k, logged] of last) {
    if (logged.state && !present.has(k)) {
      problems.push({
        entity: logged.entity,
        id: logged.id,
        problem: 'removed',
        message: `The ${describe(logged.entity, logged.id)} is in the change log (entry ${logged.seq}) but missing from the workbook: it was removed outside the app.`,
      });
    }
  }
  return problems.length ? { ok: false, records: records.length, problems } : { ok: true, records: records.length };
}

/** A head of the log written down somewhere else: at the last save on this computer, or in an export. */
export interface LogAnchor {
  count: number;
  head: string;
  at: string;
  /** Where it was written down, for the message ("this computer's record", "the export of …"). */
  source: string;
}

export type ContinuityVerdict = { ok: true } | { ok: false; anchor: LogAnchor; message: string };

/** The log must still extend every recorded head: as long as it was, with the same entry at that place. */
export function checkContinuity(entries: readonly Pick<AuditEntry, 'seq' | 'hash'>[], anchors: readonly LogAnchor[]): ContinuityVerdict {
  for (const anchor of anchors) {
    if (anchor.count <= 0) continue;
    if (entries.length < anchor.count) {
      const missing = anchor.count - entries.length;
      return {
        ok: false,
        anchor,
        message:
          entries.length === 0
            ? `The change log is empty, but ${anchor.source} (${anchor.at}) counted ${anchor.count} entries: the log was removed.`
            : `The change log is truncated: it has ${entries.length} entries, but ${anchor.source} (${anchor.at}) counted ${anchor.count}; the last ${missing} ${missing === 1 ? 'entry was' : 'entries were'} removed.`,
      };
    }
    if (entries[anchor.count - 1]!.hash !== anchor.head) {
      return {
        ok: false,
        anchor,
        message: `The change log no longer extends the head recorded in ${anchor.source} (${anchor.at}): entry ${anchor.count} is different, so the log was rewritten.`,
      };
    }
  }
  return { ok: true };
}
