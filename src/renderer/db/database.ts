/**
 * The workbook database. Opening it checks the data-format version: a database written by a newer
 * version of the app is refused untouched, never read as if it were ours.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { AuditEntry } from '../../core/audit/chain';
import type { Action, Assessment, Evidence, EvidenceLink, Organization, Person, Response, Site } from '../../core/records/model';
import { DATA_FORMAT_VERSION } from '../../core/records/dataFormat';
import type { Review } from '../../core/review/schema';
import { WorkbookError } from './errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import type { BlobRecord, MetaRecord, OverlayRecord, SettingRecord } from './records';
import { installedSchemaVersion, isNewerSchema } from './schemaVersion';
import { writeGuard } from './writeGuard';

export const DATABASE_NAME = 'csms-workbook';

export class WorkbookDb extends Dexie {
  meta!: EntityTable<MetaRecord, 'key'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  organization!: EntityTable<Organization, 'id'>;
  sites!: EntityTable<Site, 'id'>;
  people!: EntityTable<Person, 'id'>;
  assessments!: EntityTable<Assessment, 'id'>;
  responses!: Dexie.Table<Response, [string, string]>;
  evidence!: EntityTable<Evidence, 'id'>;
  blobs!: EntityTable<BlobRecord, 'sha256'>;
  links!: Dexie.Table<EvidenceLink, [string, string, string]>;
  actions!: EntityTable<Action, 'id'>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  overlays!: EntityTable<OverlayRecord, 'catalogueId'>;
  reviews!: EntityTable<Review, 'id'>;

  constructor(name = DATABASE_NAME) {
    // Strict durability: a change reported as saved is on disk, not only in the OS cache.
    super(name, { chromeTransactionDurability: 'strict' });
    // Every write outside mutate() (and outside upgrades and bookkeeping) is refused: see writeGuard.ts.
    this.use(writeGuard);
    for (const migration of MIGRATIONS) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
    this.on('populate', (tx) => {
      const meta = tx.table<MetaRecord, string>('meta');
      void meta.bulkAdd([
        { key: 'format', value: DATA_FORMAT_VERSION },
        { key: 'nextEvidenceNumber', value: 1 },
        { key: 'createdAt', value: new Date().toISOString() },
      ]);
    });
  }
}

export function newerFormatMessage(found: number | string): string {
  return `This workbook was saved by a newer version of CSMS Workbook (data format ${found}; this version reads up to ${DATA_FORMAT_VERSION}). Update the app to open it. Nothing was changed.`;
}

/** Deletes a workbook database whole (the sample's, when it closes or is made afresh). */
export function deleteWorkbook(name: string): Promise<void> {
  return Dexie.delete(name);
}

/** Opens the database, refusing (and closing) one of a newer schema or data format. */
export async function openWorkbook(name = DATABASE_NAME): Promise<WorkbookDb> {
  const db = new WorkbookDb(name);
  try {
    // Checked before Dexie opens it with our schema: Dexie opens a higher schema version without
    // complaint and may even patch it to fit ours (adding indexes, raising its version), changing it.
    const installed = await installedSchemaVersion(name);
    if (installed !== undefined && isNewerSchema(installed, LATEST_SCHEMA_VERSION)) {
      throw new WorkbookError(newerFormatMessage(`schema ${installed}`), 'newer-format');
    }
    await db.open();
  } catch (error) {
    db.close();
    if (error instanceof WorkbookError) throw error;
    throw new WorkbookError(`The workbook database could not be opened: ${(error as Error).message}`, 'open-failed');
  }
  const format = (await db.meta.get('format'))?.value;
  if (typeof format === 'number' && format > DATA_FORMAT_VERSION) {
    db.close();
    throw new WorkbookError(newerFormatMessage(format), 'newer-format');
  }
  return db;
}
