/**
 * The requirement page as an assessor scores it: the guidance is headed as our reading, ML0 is marked as
 * the app's addition, and the level choice shows exactly the criteria the shipped catalogue gives for the
 * requirement (or none where it gives none), at 1024×700 without sideways scrolling.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { catalogue2024 } from '../fixtures/catalogues';
import { seriousViolations } from './axe';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp, newAssessment } from './workbook';

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

const org11 = catalogue2024()
  .spes.flatMap((s) => s.elements.flatMap((e) => e.requirements))
  .find((r) => r.id === 'ORG 1.1')!;

describe('criteria where the assessor scores', () => {
  it('shows our reading, the ML0 note and the catalogue’s criteria for ORG 1.1', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await ensureSetUp(page, 'Assessments');
    await newAssessment(page, 'Criteria check');

    await page.getByRole('heading', { level: 2, name: 'Our reading of this requirement', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'What this asks for' }).count()).toBe(0);

    // The radios keep short names; ML0 says it is the app's own addition.
    const ml0 = page.getByRole('radio', { name: 'ML0 Not implemented', exact: true });
    expect(await ml0.count()).toBe(1);
    expect(await page.getByRole('radio', { name: /ML3/ }).count()).toBe(1);
    expect(await page.getByTestId('ml0-note').textContent()).toBe(
      'No practice is in place. ML0 is this app’s addition to the standard’s ML1–ML4.',
    );

    // The criteria are exactly what the shipped catalogue says, or absent when it says nothing.
    const criteria = page.getByTestId('level-criterion');
    if (org11.levels) {
      expect(await criteria.count()).toBe(4);
      const ml3 = page.locator('[data-testid="level-criterion"][data-level="ML3"]');
      expect(await ml3.locator('.criterion-practice').textContent()).toBe(org11.levels.ML3.practice);
      expect(await ml3.locator('.criterion-evidence').textContent()).toBe(`Typical evidence: ${org11.levels.ML3.evidence.join('; ')}`);
      // The ML3 radio is described by its criterion.
      const describedBy = await page.getByRole('radio', { name: /ML3/ }).getAttribute('aria-describedby');
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain(org11.levels.ML3.practice);
    } else {
      expect(await criteria.count()).toBe(0);
    }

    // A doubt about the reading is shown with its alternatives, or not at all.
    const doubt = page.getByTestId('reading-doubt');
    if (org11.readingDoubt) {
      const text = (await doubt.textContent()) ?? '';
      expect(text).toContain(org11.readingDoubt.note);
      for (const a of org11.readingDoubt.alternatives) expect(text).toContain(a);
    } else {
      expect(await doubt.count()).toBe(0);
    }

    // The mappings are labelled informative; the CSF one as our own.
    const mappings = page.getByRole('region', { name: 'Mappings (informative)' });
    expect(await mappings.locator('dt', { hasText: 'NIST CSF 2.0 (our mapping)' }).count()).toBe(1);
    expect(await mappings.textContent()).toContain(org11.mappings.nistCsf2.join(', '));

    // The level is chosen from the keyboard: focus the group and move with the arrow keys.
    await ml0.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByRole('radio', { name: /ML2 Managed/ }).isChecked()).toBe(true);

    // Nothing scrolls sideways: not the page, not the requirement's pane.
    const overflow = await page.evaluate(() =>
      [document.scrollingElement!, document.querySelector('.workspace-main')!].map((el) => el.scrollWidth - el.clientWidth),
    );
    expect(overflow).toEqual([0, 0]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
