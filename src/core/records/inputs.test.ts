import { describe, expect, it } from 'vitest';
import { RECORD_LIMITS } from './fields';
import {
  actionPatch,
  assessmentPatch,
  evidencePatch,
  newAction,
  newAssessment,
  newEvidence,
  newLinkEvidence,
  newNoteEvidence,
  newPerson,
  newSite,
  organizationPatch,
  personPatch,
  responsePatch,
  sitePatch,
} from './inputs';

describe('input schemas derived from the records', () => {
  it('fill in defaults when a record is created', () => {
    expect(newAction.parse({ description: 'Close the port.' })).toStrictEqual({
      description: 'Close the port.',
      owner: '',
      priority: 'medium',
      status: 'open',
    });
    expect(newSite.parse({ name: 'Pump station' })).toStrictEqual({ name: 'Pump station', location: '' });
    expect(newPerson.parse({ name: 'Sam' })).toStrictEqual({ name: 'Sam', role: '', email: '' });
    expect(newEvidence.parse({ title: 'Walk-down' })).toStrictEqual({ title: 'Walk-down', owner: '', classification: '' });
  });

  it('never fill in defaults in a patch: it changes only what it names', () => {
    for (const patch of [actionPatch, sitePatch, personPatch, evidencePatch, organizationPatch, assessmentPatch, responsePatch])
      expect(patch.parse({})).toStrictEqual({});
    expect(actionPatch.parse({ status: 'done' })).toStrictEqual({ status: 'done' });
  });

  it('refuse unknown keys in a patch, and fields the app keeps for itself', () => {
    expect(actionPatch.safeParse({ assignee: 'Sam' }).error?.issues[0]?.code).toBe('unrecognized_keys');
    expect(evidencePatch.safeParse({ sha256: 'f'.repeat(64) }).success).toBe(false);
    expect(assessmentPatch.safeParse({ status: 'signed-off' }).success).toBe(false);
    expect(responsePatch.safeParse({ updatedBy: 'someone' }).success).toBe(false);
  });

  it('keep the limits and messages of the record fields', () => {
    expect(newAction.safeParse({ description: ' ' }).error?.issues[0]?.message).toBe('describe the action');
    expect(actionPatch.safeParse({ dueDate: '2026-02-30' }).error?.issues[0]?.message).toBe('the due date must be written YYYY-MM-DD');
    expect(newAction.safeParse({ description: 'x'.repeat(RECORD_LIMITS.description + 1) }).success).toBe(false);
    expect(newLinkEvidence.safeParse({ title: 'x' }).success).toBe(false);
    expect(newLinkEvidence.safeParse({ title: 'x', location: ' ' }).error?.issues[0]?.message).toBe('say where the document is held');
    expect(newNoteEvidence.parse({ title: 'x', note: ' Seen. ' }).note).toBe('Seen.');
  });

  it('check a new assessment whole, its period included', () => {
    const input = {
      name: '2026',
      siteId: 'site-1',
      catalogueId: 'iec-62443-2-1-2024',
      catalogueVersion: '1.0.0',
      periodStart: '2026-07-01',
      periodEnd: '2026-01-01',
      scope: ['ORG'],
      defaultTargetLevel: 2,
    };
    expect(newAssessment.safeParse(input).error?.issues[0]?.message).toBe('the period must end after it starts');
    expect(newAssessment.parse({ ...input, periodEnd: '2026-12-31', id: 'ignored' })).not.toHaveProperty('id');
  });
});
