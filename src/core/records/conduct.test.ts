import { describe, expect, it } from 'vitest';
import { applyConduct, carriedConduct, conductPatch, conductSchema, type Conduct } from './conduct';
import { RECORD_LIMITS as LIMITS } from './fields';
import { assessmentSchema } from './schema';

const at = '2026-06-15T09:00:00.000Z';
const assessment = {
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
  createdAt: at,
  updatedAt: at,
};

const conduct: Conduct = {
  boundary: 'The treatment plant control system from the field devices up to the DMZ firewall.',
  zones: [
    { name: 'Process control', kind: 'zone', description: 'PLCs and HMIs' },
    { name: 'DMZ to control', kind: 'conduit', description: 'Historian replication only' },
  ],
  exclusions: 'Corporate IT.',
  evidenceIds: ['EV-0006'],
  team: [{ name: 'Dana Whitfield', role: 'Lead assessor', independence: 'independent-internal' }],
  interviewees: [{ name: 'Priya Raman', role: 'Control systems engineer' }],
  documentsReviewed: ['OT-POL-001 rev 3', 'EV-0004'],
  fieldworkStart: '2026-03-02',
  fieldworkEnd: '2026-03-06',
  sampling: 'One HMI per process area.',
  limitations: 'Pump stations not visited.',
  conclusion: 'The program is managed but not yet practised.',
  managementStatement: 'We accept the findings.',
};

const messages = (value: unknown) => {
  const result = conductSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('the conduct of an assessment', () => {
  it('is optional on an assessment, so assessments recorded before it existed still read', () => {
    expect(assessmentSchema.safeParse(assessment).success).toBe(true);
    expect(assessmentSchema.parse({ ...assessment, conduct }).conduct).toEqual(conduct);
  });

  it('keeps text as typed, with the spaces a person is still typing', () => {
    expect(conductSchema.parse({ boundary: 'Up to the DMZ ' }).boundary).toBe('Up to the DMZ ');
  });

  it('refuses fieldwork that ends before it starts, and impossible dates', () => {
    expect(messages({ fieldworkStart: '2026-03-06', fieldworkEnd: '2026-03-02' })).toEqual(['the fieldwork cannot end before it starts']);
    expect(messages({ fieldworkStart: '2026-03-06', fieldworkEnd: '2026-03-06' })).toEqual([]);
    expect(messages({ fieldworkStart: '2026-99-99' })).toEqual(['the fieldwork start must be written YYYY-MM-DD']);
    expect(messages({ fieldworkEnd: '2026-02-30' })).toEqual(['the fieldwork end must be written YYYY-MM-DD']);
  });

  it('bounds every list and every text, saying which', () => {
    const many = Array.from({ length: LIMITS.conductRows + 1 }, (_, i) => ({ name: `P${i}`, role: 'Operator' }));
    expect(messages({ interviewees: many })).toEqual([`the list of interviewees holds at most ${LIMITS.conductRows} entries`]);
    expect(messages({ interviewees: many.slice(0, LIMITS.conductRows) })).toEqual([]);
    expect(messages({ boundary: 'x'.repeat(LIMITS.conductText + 1) })).toEqual([
      `the boundary is too long (${LIMITS.conductText.toLocaleString('en')} characters at most)`,
    ]);
    expect(messages({ documentsReviewed: ['x'.repeat(LIMITS.conductEntry + 1)] })[0]).toMatch(/^a document reviewed is too long/);
    expect(messages({ managementStatement: 'x'.repeat(LIMITS.conclusion + 1) })[0]).toMatch(/^the management statement is too long/);
  });

  it('refuses rows that are not a zone or a conduit, unknown independence, unknown keys and malformed evidence IDs', () => {
    expect(messages({ zones: [{ name: 'L1', kind: 'area', description: '' }] })).toEqual(['each row is a zone or a conduit']);
    expect(messages({ team: [{ name: 'A', role: 'B', independence: 'friendly' }] })).toEqual([
      'each team member is internal, independent internal or external',
    ]);
    expect(conductSchema.safeParse({ auditorOpinion: 'x' }).success).toBe(false);
    expect(messages({ evidenceIds: ['zone drawing'] })).toEqual(['an evidence ID looks like EV-0001']);
    expect(messages({ evidenceIds: ['EV-0006', 'EV-0006'] })).toEqual(['EV-0006 is referenced twice']);
  });

  it('changes only the fields a change names, and removes a fieldwork date given as null', () => {
    const patch = conductPatch.parse({ sampling: 'Every HMI.', fieldworkEnd: null });
    const after = applyConduct(conduct, patch);
    const { sampling: _s, fieldworkEnd: _e, ...rest } = conduct;
    expect(after).toEqual({ ...rest, sampling: 'Every HMI.' });
    expect(applyConduct(undefined, conductPatch.parse({ boundary: 'B' }))).toEqual({ boundary: 'B' });
    expect(conductPatch.safeParse({ opinion: 'x' }).success).toBe(false);
  });

  it('carries the system under consideration into a re-assessment, not the team, fieldwork or statements', () => {
    expect(carriedConduct(conduct)).toEqual({
      boundary: conduct.boundary,
      zones: conduct.zones,
      exclusions: conduct.exclusions,
      evidenceIds: conduct.evidenceIds,
    });
    expect(carriedConduct({ conclusion: 'Done.' })).toBeUndefined();
    expect(carriedConduct(undefined)).toBeUndefined();
  });
});
