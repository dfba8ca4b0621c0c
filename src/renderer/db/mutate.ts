/**
 * Every change to user data goes through mutate(): one strict transaction that makes the change and
 * appends its hash-chained audit entries, so the change and its record land together or not at all.
 * Work that writes many records runs in one outer mutate(); the inner calls join its transaction.
 * Before the transaction: the free-space check (it awaits the file system, which would end a
 * transaction). Inside, at the end: each entry records the state its record was left in, and the
 * assessment lifecycle is enforced, so nothing can change a signed-off assessment's content.
 * Audit hashes are computed synchronously inside the transaction (awaiting anything else would end it).
 */
import { Dexie } from 'dexie';
import { chainEntry, type AuditContent, type AuditEntity } from '../../core/audit/chain';
import { recordState } from '../../core/audit/recordState';
import { assessmentChangeProblem, isLocked, lockedMessage } from '../../core/records/lifecycle';
import type { Action, Assessment } from '../../core/records/model';
import type { WorkbookDb } from './database';
import { currentRecord } from './entities';
import { WorkbookError, isQuotaError, isStorageFailure, toWorkbookError } from './errors';
import { committed, storageFailed } from './events';
import { ensureSpace } from './space';
import { markReviewOnly, markWritePath } from './writeGuard';
import { REVIEW_COPY_KEY, REVIEW_COPY_MESSAGE } from './reviewCopyMark';

type Change = AuditContent['change'];

export interface Mutation {
  log(entity: AuditEntity, id: string, change: Change): void;
}

export interface MutateOptions {
  /** Bytes the change adds (file contents); small changes need not say. */
  addsBytes?: number;
  /**
   * Assessments brought in from a bundle arrive as they were (signed off, say) with their content: the
   * lifecycle is not applied to what this change creates for an assessment it creates. Everything
   * else, replacing a locked assessment included, is checked as always.
   */
  importing?: boolean;
}

export const UNNAMED_ACTOR = 'Unnamed user';

async function actorName(db: WorkbookDb): Promise<string> {
  const actorId = (await db.settings.get('actorId'))?.value;
  if (typeof actorId !== 'string' || !actorId) return UNNAMED_ACTOR;
  return (await db.people.get(actorId))?.name ?? UNNAMED_ACTOR;
}

type Pending = Omit<AuditContent, 'seq' | 'at' | 'actor' | 'state'>;

/** The assessment a change to its content belongs to, if the entry is such a change. */
function owningAssessment(entry: Pending, record: unknown): string | undefined {
  if (entry.entity === 'response') return entry.id.split('|')[0];
  if (entry.entity === 'link') return entry.id.split('|')[1];
  if (entry.entity === 'action') return ((record ?? entry.change.before) as Action | undefined)?.assessmentId;
  return undefined;
}

/** Assessments read once per change, however many of their records it touches (a re-assessment logs hundreds). */
type AssessmentLookup = (id: string) => Promise<Assessment | undefined>;

function assessmentLookup(db: WorkbookDb): AssessmentLookup {
  const seen = new Map<string, Promise<Assessment | undefined>>();
  return (id) => {
    if (!seen.has(id)) seen.set(id, db.assessments.get(id));
    return seen.get(id)!;
  };
}

async function enforceLifecycle(assessmentOf: AssessmentLookup, entry: Pending, record: unknown): Promise<void> {
  if (entry.entity === 'assessment') {
    const problem = assessmentChangeProblem(
      entry.change.before as Assessment | undefined,
      record as Assessment | undefined,
      entry.change.reason,
    );
    if (problem) throw new WorkbookError(problem, 'locked');
    return;
  }
  const assessmentId = owningAssessment(entry, record);
  const assessment = assessmentId ? await assessmentOf(assessmentId) : undefined;
  if (assessment && isLocked(assessment)) throw new WorkbookError(lockedMessage(assessment), 'locked');
}

export async function mutate<T>(db: WorkbookDb, work: (m: Mutation) => Promise<T>, options: MutateOptions = {}): Promise<T> {
  // Inside another mutate() this joins its transaction; the outer call checks space and reports the commit.
  const outermost = !Dexie.currentTransaction;
  if (!outermost) return write(db, work, false, options);
  // One change at a time: a space probe briefly fills the disk when the bytes do not fit, and no write of
  // ours may be under way meanwhile. (Every change locks every table anyway, so nothing is lost by it.)
  const run = queue.then(async () => {
    // Refused before writing (no room): nothing was at risk, so no offer of a recovery copy.
    await ensureSpace(options.addsBytes ?? 0);
    return write(db, work, true, options);
  });
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

let queue: Promise<void> = Promise.resolve();

async function write<T>(db: WorkbookDb, work: (m: Mutation) => Promise<T>, outermost: boolean, options: MutateOptions): Promise<T> {
  try {
    const { result, count, head } = await db.transaction('rw', db.tables, async () => {
      markWritePath(Dexie.currentTransaction);
      // A review copy holds someone else's workbook for review: only the reviewer's own review may change
      // in it. The write guard then refuses any other table in this transaction, and a change naming any
      // other record is refused below, so no screen can get round it.
      const reviewCopy = (await db.meta.get(REVIEW_COPY_KEY)) !== undefined;
      if (reviewCopy) markReviewOnly(Dexie.currentTransaction);
      const pending: Pending[] = [];
      const result = await work({ log: (entity, id, change) => pending.push({ entity, id, change }) });
      if (pending.length > 0) {
        if (reviewCopy && pending.some((p) => p.entity !== 'review')) throw new WorkbookError(REVIEW_COPY_MESSAGE, 'locked');
        const actor = await actorName(db);
        const at = new Date().toISOString();
        let last = await db.audit.orderBy('seq').last();
        const entries = [];
        const assessmentOf = assessmentLookup(db);
        const imported = new Set(
          options.importing ? pending.filter((p) => p.entity === 'assessment' && p.change.op === 'create').map((p) => p.id) : [],
        );
        for (const p of pending) {
          const record = await currentRecord(db, p.entity, p.id);
          const owner = p.entity === 'assessment' ? p.id : owningAssessment(p, record);
          const arrives = p.change.op === 'create' && owner !== undefined && imported.has(owner);
          if (!arrives) await enforceLifecycle(assessmentOf, p, record);
          entries.push((last = chainEntry(last, { ...p, at, actor, state: recordState(record) })));
        }
        await db.audit.bulkAdd(entries);
      }
      const tail = outermost ? await db.audit.orderBy('seq').last() : undefined;
      return { result, count: tail?.seq ?? 0, head: tail?.hash ?? '' };
    });
    if (outermost && head) committed.emit({ dbName: db.name, count, head });
    return result;
  } catch (error) {
    const failure = toWorkbookError(error);
    // A quota refusal is the browser declining cleanly; an abort or a failing store may have done damage.
    if (outermost && isStorageFailure(failure) && !isQuotaError(error)) storageFailed.emit({ dbName: db.name, message: failure.message });
    throw failure;
  }
}

export const newId = (): string => crypto.randomUUID();
export const nowIso = (): string => new Date().toISOString();
