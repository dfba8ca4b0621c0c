/** A fresh workbook database per test, in fake-indexeddb, with a site and an assessment to work in. */
import 'fake-indexeddb/auto';
import { openWorkbook, type WorkbookDb } from './database';
import { createAssessment } from './repo/assessments';
import { addSite } from './repo/people';

let counter = 0;

export async function freshDb(): Promise<WorkbookDb> {
  counter += 1;
  return openWorkbook(`test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`);
}

export async function dbWithAssessment() {
  const db = await freshDb();
  const site = await addSite(db, { name: 'Riverside water treatment plant', location: 'North valley' });
  const assessment = await createAssessment(db, {
    name: '2026 self-assessment',
    siteId: site.id,
    catalogueId: 'iec-62443-2-1-2024',
    catalogueVersion: '1.0.0',
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    scope: ['ORG', 'NET'],
    defaultTargetLevel: 2,
  });
  return { db, site, assessment };
}

export const fileOf = (name: string, content: string | Uint8Array, type = 'text/plain') => ({
  name,
  type,
  blob: new Blob([content as BlobPart], { type }),
});
