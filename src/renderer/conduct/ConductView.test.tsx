import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../core/records/model';
import type { WorkbookDb } from '../db/database';
import { WorkbookContext } from '../workbook/WorkbookContext';
import { ConductView } from './ConductScreen';

const at = '2026-06-15T09:00:00.000Z';
const draft: Assessment = {
  id: 'a-1',
  name: '2026 self-assessment',
  siteId: 'site-1',
  catalogueId: 'iec-62443-2-1-2024',
  catalogueVersion: '1.0.0',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  scope: ['ORG'],
  defaultTargetLevel: 3,
  status: 'draft',
  archived: false,
  conduct: {
    boundary: 'Up to the DMZ firewall.',
    zones: [{ name: 'Plant DMZ', kind: 'zone', description: 'Jump host' }],
    team: [{ name: 'Dana Whitfield', role: 'Lead assessor', independence: 'internal' }],
    evidenceIds: ['EV-0001'],
  },
  createdAt: at,
  updatedAt: at,
};
const signedOff: Assessment = {
  ...draft,
  status: 'signed-off',
  signOff: { by: 'Marcus Oyelaran', role: 'Approver', at: '2026-07-01', note: '' },
};

function render(assessment: Assessment, reviewing = false): string {
  // Nothing is written while rendering: the database is only needed by the save path.
  return renderToStaticMarkup(
    <WorkbookContext.Provider value={{ name: 'test' } as WorkbookDb}>
      <ConductView assessment={assessment} evidence={[]} reviewing={reviewing} />
    </WorkbookContext.Provider>,
  );
}

/** The form controls a person could use: not disabled themselves and not inside a disabled fieldset. */
function usableControls(html: string): string[] {
  const usable: string[] = [];
  const fieldsets: boolean[] = [];
  for (const [, close, tag, attrs] of html.matchAll(/<(\/?)(\w+)([^>]*)>/g)) {
    if (tag === 'fieldset') {
      if (close) fieldsets.pop();
      else fieldsets.push(/\sdisabled=""/.test(attrs!));
      continue;
    }
    if (close || !['input', 'textarea', 'select', 'button'].includes(tag!)) continue;
    if (!/\sdisabled=""/.test(attrs!) && !fieldsets.includes(true)) usable.push(`<${tag}${attrs}>`);
  }
  return usable;
}

describe('the conduct and scope page', () => {
  it('shows what was recorded and can be edited while the assessment is a draft', () => {
    const html = render(draft);
    expect(html).toContain('Up to the DMZ firewall.');
    expect(html).toContain('value="Plant DMZ"');
    expect(html).toContain('value="Dana Whitfield"');
    expect(html).not.toContain('data-testid="conduct-read-only"');
    expect(usableControls(html).length).toBeGreaterThan(10);
  });

  it('is read-only once signed off, and says so in a sentence', () => {
    const html = render(signedOff);
    expect(html).toContain(
      'This assessment is signed off and locked: its conduct and scope can be read but not changed until it is reopened.',
    );
    expect(html).toContain('Up to the DMZ firewall.');
    expect(usableControls(html)).toEqual([]);
  });

  it('is read-only in a review copy, and says so in a sentence', () => {
    const html = render(draft, true);
    expect(html).toContain('This is a review copy: the conduct and scope can be read here but not changed.');
    expect(usableControls(html)).toEqual([]);
  });

  it('names evidence no longer in the workbook rather than dropping it', () => {
    expect(render(draft)).toContain('no longer in the workbook');
  });
});
