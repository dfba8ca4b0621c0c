import { describe, expect, it } from 'vitest';
import { dbWithAssessment } from '../testDb';
import { createAssessment } from './assessments';
import { addSite } from './people';
import { removeSite, siteInUseMessage } from './sites';

describe('removing a site', () => {
  it('is refused while assessments use it, naming them, and writes nothing', async () => {
    const { db, site, assessment } = await dbWithAssessment();
    await createAssessment(db, {
      name: '2025 baseline',
      siteId: site.id,
      catalogueId: assessment.catalogueId,
      catalogueVersion: assessment.catalogueVersion,
      periodStart: '2025-01-01',
      periodEnd: '2025-06-30',
      scope: ['ORG'],
      defaultTargetLevel: 2,
    });
    const logBefore = await db.audit.count();
    await expect(removeSite(db, site.id)).rejects.toThrow(
      'The site “Riverside water treatment plant” was not removed. Used by 2 assessments: “2025 baseline”, “2026 self-assessment”; remove or move them first.',
    );
    expect(await db.sites.get(site.id)).toEqual(site);
    expect(await db.audit.count()).toBe(logBefore);
  });

  it('removes an unused site and logs the removal with what it was', async () => {
    const { db } = await dbWithAssessment();
    const spare = await addSite(db, { name: 'Old pumping station', location: 'East' });
    await removeSite(db, spare.id);
    expect(await db.sites.get(spare.id)).toBeUndefined();
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({ entity: 'site', id: spare.id, change: { op: 'delete', before: spare } });
    expect(await db.sites.count()).toBe(1);
  });

  it('words one assessment and a long list plainly', () => {
    expect(siteInUseMessage('Plant', ['Audit'])).toBe(
      'The site “Plant” was not removed. Used by 1 assessment: “Audit”; remove or move it first.',
    );
    expect(siteInUseMessage('Plant', ['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toContain('“e” and 2 more; remove or move them first.');
  });
});
