/** The sample assessment opens with its conduct and scope recorded, its referenced evidence the workbook's own. */
import { describe, expect, it } from 'vitest';
import { freshDb } from '../db/testDb';
import { loadSampleWorkbook } from './loadSample';

describe('the sample’s conduct and scope', () => {
  it('names the zone drawing, firewall review and inventory by the IDs the workbook gave them, with fieldwork inside the period', async () => {
    const db = await freshDb();
    const { assessmentId } = await loadSampleWorkbook(db, new Date(2026, 4, 15));
    const assessment = (await db.assessments.get(assessmentId))!;
    const conduct = assessment.conduct!;
    const titles = await Promise.all(conduct.evidenceIds!.map(async (id) => (await db.evidence.get(id))?.title));
    expect(titles).toEqual([
      'Zone and conduit drawing, Riverside plant',
      'Firewall rule review, DMZ and SCADA boundaries',
      'Control system asset inventory (quarterly export)',
    ]);
    expect(conduct.zones!.filter((z) => z.kind === 'zone')).toHaveLength(4);
    expect(conduct.zones!.filter((z) => z.kind === 'conduit')).toHaveLength(3);
    expect(conduct.team!.filter((t) => t.independence !== 'internal')).toHaveLength(1);
    expect(conduct.interviewees).toHaveLength(4);
    expect(conduct.fieldworkStart! >= assessment.periodStart && conduct.fieldworkEnd! <= assessment.periodEnd).toBe(true);
    expect(conduct.conclusion).not.toBe(conduct.managementStatement);
  });
});
