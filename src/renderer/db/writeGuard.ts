/**
 * The write guard: a Dexie middleware that refuses every write not made through mutate(), the one write
 * path that also appends the change log. Two kinds of write are let through besides: the schema upgrade
 * and populate (they run in IndexedDB's 'versionchange' transaction, before any screen can write), and
 * the `meta` table, which holds bookkeeping kept outside the log on purpose (format, evidence counter,
 * the record of the last export: see export/exportAnchor.ts).
 *
 * How the write path is told apart: mutate() registers its transaction here (markWritePath). In Dexie 4
 * the request a DBCore table's mutate() receives carries `trans`, the transaction of the IndexedDB core:
 * Table methods pass `trans.idbtrans` (dexie.mjs, Table.prototype._trans → `fn(trans.idbtrans, trans)`),
 * which is what the core's own transaction() returned (`transaction: db.transaction.bind(db)`, the native
 * IDBTransaction), and a transaction nested in mutate()'s shares its parent's
 * (enterTransactionScope: `trans.idbtrans = parentTransaction.idbtrans`). So the set holds native
 * transactions, weakly: a finished one is forgotten with its object.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import { WorkbookError } from './errors';
import { REVIEW_COPY_MESSAGE } from './reviewCopyMark';

const writePaths = new WeakSet<object>();

/** Called by mutate() inside its transaction: writes in this transaction are the logged write path. */
export function markWritePath(transaction: Transaction | null): void {
  const native = transaction?.idbtrans;
  if (native) writePaths.add(native);
}

const reviewOnly = new WeakSet<object>();

/**
 * Called by mutate() in a review copy: its transaction may write the reviewer's review and the log
 * entries for it, nothing else, however the code inside it came to try.
 */
export function markReviewOnly(transaction: Transaction | null): void {
  const native = transaction?.idbtrans;
  if (native) reviewOnly.add(native);
}

const REVIEW_TABLES: ReadonlySet<string> = new Set(['reviews', 'audit']);

/** Tables whose writes need not come through the change log. */
const BOOKKEEPING_TABLES: ReadonlySet<string> = new Set(['meta']);

export const REFUSED_WRITE_MESSAGE =
  'This change was refused: the workbook is changed only through the app’s save functions, which record every change in the change log. Nothing was written.';

function allowed(trans: DBCoreTransaction): boolean {
  if (writePaths.has(trans)) return true;
  // The schema upgrade and populate: IndexedDB's own mode for them, which nothing else can open.
  return (trans as Partial<IDBTransaction>).mode === 'versionchange';
}

function guarded(table: DBCoreTable): DBCoreTable {
  if (BOOKKEEPING_TABLES.has(table.name)) return table;
  return {
    ...table,
    mutate(req: DBCoreMutateRequest) {
      if (reviewOnly.has(req.trans) && !REVIEW_TABLES.has(table.name)) {
        return Promise.reject(new WorkbookError(REVIEW_COPY_MESSAGE, 'locked'));
      }
      if (allowed(req.trans)) return table.mutate(req);
      return Promise.reject(new WorkbookError(REFUSED_WRITE_MESSAGE, 'refused'));
    },
  };
}

export const writeGuard: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'WriteGuard',
  create: (down) => ({
    ...down,
    table: (name: string) => guarded(down.table(name)),
  }),
};
