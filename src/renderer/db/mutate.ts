/**
 * Every change to user data goes through mutate(): one strict transaction that makes the change and
 * appends its hash-chained audit entries, so the change and its record land together or not at all.
 * Audit hashes are computed synchronously inside the transaction (awaiting anything else would end it).
 */
import { chainEntry, type AuditContent, type AuditEntity } from '../../core/audit/chain';
import type { WorkbookDb } from './database';
import { toWorkbookError } from './errors';

export interface Mutation {
  log(entity: AuditEntity, id: string, change: AuditContent['change']): void;
}

export const UNNAMED_ACTOR = 'Unnamed user';

async function actorName(db: WorkbookDb): Promise<string> {
  const actorId = (await db.settings.get('actorId'))?.value;
  if (typeof actorId !== 'string' || !actorId) return UNNAMED_ACTOR;
  return (await db.people.get(actorId))?.name ?? UNNAMED_ACTOR;
}

export async function mutate<T>(db: WorkbookDb, work: (m: Mutation) => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', db.tables, async () => {
      const pending: Omit<AuditContent, 'seq' | 'at' | 'actor'>[] = [];
      const result = await work({ log: (entity, id, change) => pending.push({ entity, id, change }) });
      if (pending.length > 0) {
        const actor = await actorName(db);
        const at = new Date().toISOString();
        let last = await db.audit.orderBy('seq').last();
        const entries = pending.map((p) => (last = chainEntry(last, { ...p, at, actor })));
        await db.audit.bulkAdd(entries);
      }
      return result;
    });
  } catch (error) {
    throw toWorkbookError(error);
  }
}

export const newId = (): string => crypto.randomUUID();
export const nowIso = (): string => new Date().toISOString();
