import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { RECORD_LIMITS as LIMITS } from './fields';
import type { Assessment, MaturityLevel, Response } from './model';
import {
  actionSchema,
  assessmentSchema,
  evidenceLinkSchema,
  evidenceSchema,
  organizationSchema,
  personSchema,
  responseSchema,
  signOffSchema,
  siteSchema,
} from './schema';

const at = '2026-06-15T09:00:00.000Z';
const id = '5f0c2a7e-8a1b-4c3d-9e2f-0a1b2c3d4e5f';

const signOff = { by: 'Dana Whitfield', role: 'Approver', at: '2026-07-01', note: 'Accepted as presented.' };
const assessment = {
  id,
  name: '2026 self-assessment',
  siteId: 'site-1',
  catalogueId: 'iec-62443-2-1-2024',
  catalogueVersion: '1.0.0',
  periodStart: '2026-01-01',
  periodEnd: '2026-06-30',
  scope: ['ORG', 'NET'],
  defaultTargetLevel: 2,
  status: 'signed-off',
  archived: false,
  carriedFrom: 'assessment-2025',
  signOff,
  createdAt: at,
  updatedAt: at,
};
const response = {
  assessmentId: id,
  requirementId: 'ORG 1.1',
  applicable: true,
  justification: '',
  targetLevel: null,
  achievedLevel: 3,
  narrative: 'Policy approved by the board.',
  gaps: '',
  reviewStatus: 'none',
  reviewComment: '',
  carriedOver: false,
  updatedAt: at,
  updatedBy: 'person-1',
};
const fileEvidence = {
  id: 'EV-0001',
  number: 1,
  title: 'Firewall rules',
  kind: 'file',
  fileName: 'rules.csv',
  mediaType: 'text/csv',
  size: 42,
  sha256: 'a'.repeat(64),
  collectedOn: '2026-03-01',
  expiresOn: '2027-02-28',
  owner: 'Priya Raman',
  classification: 'TLP:AMBER',
  createdAt: at,
  updatedAt: at,
};
const action = {
  id,
  assessmentId: id,
  requirementId: 'NET 3.2',
  description: 'Close the maintenance port.',
  owner: 'Priya Raman',
  dueDate: '2026-09-30',
  priority: 'high',
  status: 'open',
  createdAt: at,
  updatedAt: at,
};

type Valid = Record<string, unknown>;

/** Each record schema with a record it must accept, and the fields whose format or length it checks. */
const RECORDS: {
  name: string;
  schema: z.ZodType;
  valid: Valid;
  dates: string[];
  times: string[];
  limits: [field: string, max: number][];
}[] = [
  {
    name: 'organization',
    schema: organizationSchema,
    valid: { id: 'organization', name: 'North Valley Water Authority', classification: 'TLP:AMBER' },
    dates: [],
    times: [],
    limits: [
      ['name', LIMITS.name],
      ['classification', LIMITS.classification],
    ],
  },
  {
    name: 'site',
    schema: siteSchema,
    valid: { id, name: 'Riverside plant', location: 'North valley', createdAt: at },
    dates: [],
    times: ['createdAt'],
    limits: [
      ['id', LIMITS.id],
      ['name', LIMITS.name],
      ['location', LIMITS.siteLocation],
    ],
  },
  {
    name: 'person',
    schema: personSchema,
    valid: { id, name: 'Dana Whitfield', role: 'OT security lead', email: 'dana@example.org', createdAt: at },
    dates: [],
    times: ['createdAt'],
    limits: [
      ['name', LIMITS.name],
      ['role', LIMITS.role],
      ['email', LIMITS.email],
    ],
  },
  {
    name: 'sign-off',
    schema: signOffSchema,
    valid: signOff,
    dates: ['at'],
    times: [],
    limits: [
      ['by', LIMITS.name],
      ['role', LIMITS.role],
      ['note', LIMITS.signOffNote],
    ],
  },
  {
    name: 'assessment',
    schema: assessmentSchema,
    valid: assessment,
    dates: ['periodStart', 'periodEnd'],
    times: ['createdAt', 'updatedAt'],
    limits: [
      ['id', LIMITS.id],
      ['name', LIMITS.name],
      ['siteId', LIMITS.id],
      ['catalogueId', LIMITS.catalogueId],
      ['catalogueVersion', LIMITS.catalogueVersion],
      ['carriedFrom', LIMITS.id],
    ],
  },
  {
    name: 'response',
    schema: responseSchema,
    valid: response,
    dates: [],
    times: ['updatedAt'],
    limits: [
      ['assessmentId', LIMITS.id],
      ['requirementId', LIMITS.requirementId],
      ['justification', LIMITS.justification],
      ['narrative', LIMITS.narrative],
      ['gaps', LIMITS.gaps],
      ['reviewComment', LIMITS.reviewComment],
      ['updatedBy', LIMITS.name],
    ],
  },
  {
    name: 'evidence',
    schema: evidenceSchema,
    valid: fileEvidence,
    dates: ['collectedOn', 'expiresOn'],
    times: ['createdAt', 'updatedAt'],
    limits: [
      ['title', LIMITS.title],
      ['fileName', LIMITS.fileName],
      ['mediaType', LIMITS.mediaType],
      ['location', LIMITS.documentLocation],
      ['note', LIMITS.note],
      ['owner', LIMITS.owner],
      ['classification', LIMITS.classification],
    ],
  },
  {
    name: 'evidence link',
    schema: evidenceLinkSchema,
    valid: { evidenceId: 'EV-0001', assessmentId: id, requirementId: 'ORG 1.1', createdAt: at },
    dates: [],
    times: ['createdAt'],
    limits: [
      ['assessmentId', LIMITS.id],
      ['requirementId', LIMITS.requirementId],
    ],
  },
  {
    name: 'action',
    schema: actionSchema,
    valid: action,
    dates: ['dueDate'],
    times: ['createdAt', 'updatedAt'],
    limits: [
      ['id', LIMITS.id],
      ['description', LIMITS.description],
      ['owner', LIMITS.owner],
    ],
  },
];

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;
const withField = (valid: Valid, field: string, value: unknown) => ({ ...valid, [field]: value });
/** A value of another type than the one given. */
const otherType = (value: unknown): unknown => (typeof value === 'string' ? 42 : 'text');

describe.each(RECORDS)('the $name schema', ({ schema, valid, dates, times, limits }) => {
  it('accepts a valid record, unchanged', () => {
    expect(schema.parse(valid)).toStrictEqual(valid);
  });

  it('refuses an unknown key', () => {
    expect(accepts(schema, { ...valid, extra: 1 })).toBe(false);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key read from JSON', (key) => {
    // JSON.parse makes "__proto__" an own property, as a hostile file would.
    const parsed: unknown = JSON.parse(`{"${key}": {"polluted": true}, ${JSON.stringify(valid).slice(1)}`);
    expect(Object.hasOwn(parsed as object, key)).toBe(true);
    expect(accepts(schema, parsed)).toBe(false);
  });

  it('refuses a wrong type in any field, and a missing required field', () => {
    for (const [field, value] of Object.entries(valid)) {
      expect(accepts(schema, withField(valid, field, otherType(value))), field).toBe(false);
      if (value === null) continue;
      const { [field]: _missing, ...without } = valid;
      // Optional fields may be left out; the test records set them all, so only these pass without.
      const optional = ['carriedFrom', 'signOff', 'fileName', 'mediaType', 'size', 'sha256', 'collectedOn', 'expiresOn', 'dueDate'];
      expect(accepts(schema, without), field).toBe(optional.includes(field));
    }
  });

  it('refuses impossible calendar dates and accepts real ones', () => {
    for (const field of dates) {
      for (const bad of ['2026-99-99', '2026-02-30', '2025-02-29', '2026-6-1', '01/06/2026', '2026-06-01T00:00:00Z', ''])
        expect(accepts(schema, withField(valid, field, bad)), `${field} = ${bad}`).toBe(false);
    }
    // Every date field set to the same day, so that a period still ends on or after its start.
    for (const good of ['2024-02-29', '2000-02-29', '2026-12-31'])
      expect(accepts(schema, { ...valid, ...Object.fromEntries(dates.map((field) => [field, good])) }), good).toBe(true);
  });

  it('refuses anything but an ISO date-time where a moment is recorded', () => {
    for (const field of times) {
      for (const bad of ['2026-02-30T09:00:00Z', '2026-06-15', '2026-06-15T25:00:00Z', '2026-06-15 09:00:00', 'yesterday'])
        expect(accepts(schema, withField(valid, field, bad)), `${field} = ${bad}`).toBe(false);
      for (const good of [at, '2026-06-15T09:00:00+02:00', '2026-06-15T09:00Z'])
        expect(accepts(schema, withField(valid, field, good)), `${field} = ${good}`).toBe(true);
    }
  });

  it.each(limits)('takes %s up to exactly %i characters', (field, max) => {
    expect(accepts(schema, withField(valid, field, 'x'.repeat(max)))).toBe(true);
    expect(accepts(schema, withField(valid, field, 'x'.repeat(max + 1)))).toBe(false);
  });
});

describe('record rules', () => {
  it('maturity levels are ML0 to ML4, whole numbers, or null where not set', () => {
    for (const level of [0, 1, 2, 3, 4, null]) expect(accepts(responseSchema, { ...response, achievedLevel: level })).toBe(true);
    for (const level of [5, -1, 1.5, '2']) expect(accepts(responseSchema, { ...response, targetLevel: level })).toBe(false);
  });

  it('a default target is ML1 to ML4', () => {
    expect(assessmentSchema.safeParse({ ...assessment, defaultTargetLevel: 0 }).error?.issues[0]?.message).toBe(
      'the default target must be ML1 to ML4',
    );
    expect(accepts(assessmentSchema, { ...assessment, defaultTargetLevel: 4 })).toBe(true);
    expect(accepts(assessmentSchema, { ...assessment, defaultTargetLevel: 5 })).toBe(false);
  });

  it("an assessment's period ends on or after its start", () => {
    expect(accepts(assessmentSchema, { ...assessment, periodEnd: assessment.periodStart })).toBe(true);
    expect(assessmentSchema.safeParse({ ...assessment, periodEnd: '2025-12-31' }).error?.issues[0]?.message).toBe(
      'the period must end after it starts',
    );
  });

  it("an assessment's scope names 1 to the limit of program elements, each ID within its length", () => {
    const spes = (n: number) => Array.from({ length: n }, (_, i) => `SPE${i}`);
    expect(accepts(assessmentSchema, { ...assessment, scope: spes(LIMITS.scope) })).toBe(true);
    expect(accepts(assessmentSchema, { ...assessment, scope: spes(LIMITS.scope + 1) })).toBe(false);
    expect(accepts(assessmentSchema, { ...assessment, scope: [] })).toBe(false);
    expect(accepts(assessmentSchema, { ...assessment, scope: ['x'.repeat(LIMITS.speId)] })).toBe(true);
    expect(accepts(assessmentSchema, { ...assessment, scope: ['x'.repeat(LIMITS.speId + 1)] })).toBe(false);
  });

  it('names, titles and descriptions must say something; answers are kept as typed', () => {
    expect(accepts(personSchema, { id, name: '   ', role: '', email: '', createdAt: at })).toBe(false);
    expect(actionSchema.safeParse({ ...action, description: ' ' }).error?.issues[0]?.message).toBe('describe the action');
    expect(evidenceSchema.parse({ ...fileEvidence, title: '  Rules  ' }).title).toBe('Rules');
    expect(responseSchema.parse({ ...response, narrative: 'Typing ' }).narrative).toBe('Typing ');
  });

  it('evidence IDs look like EV-0001 and hashes are 64 lower-case hex digits', () => {
    for (const good of ['EV-0001', 'EV-12345', `EV-${'9'.repeat(LIMITS.evidenceId - 3)}`])
      expect(accepts(evidenceSchema, { ...fileEvidence, id: good }), good).toBe(true);
    for (const bad of ['EV-1', 'ev-0001', 'EV-0001 ', `EV-${'9'.repeat(LIMITS.evidenceId - 2)}`])
      expect(accepts(evidenceSchema, { ...fileEvidence, id: bad }), bad).toBe(false);
    expect(accepts(evidenceSchema, { ...fileEvidence, sha256: 'A'.repeat(64) })).toBe(false);
    expect(accepts(evidenceSchema, { ...fileEvidence, size: -1 })).toBe(false);
  });

  it('links and notes carry their location or text, never an empty one', () => {
    const { fileName: _f, mediaType: _m, size: _s, sha256: _h, ...base } = fileEvidence;
    expect(accepts(evidenceSchema, { ...base, kind: 'link', location: 'DOC-114 rev 3' })).toBe(true);
    expect(accepts(evidenceSchema, { ...base, kind: 'note', note: 'Seen at the desk.' })).toBe(true);
    expect(accepts(evidenceSchema, { ...base, kind: 'link', location: ' ' })).toBe(false);
  });

  it('enumerations take only their values', () => {
    expect(accepts(actionSchema, { ...action, priority: 'urgent' })).toBe(false);
    expect(accepts(actionSchema, { ...action, status: 'closed' })).toBe(false);
    expect(accepts(assessmentSchema, { ...assessment, status: 'locked' })).toBe(false);
    expect(accepts(evidenceSchema, { ...fileEvidence, kind: 'photo' })).toBe(false);
    expect(accepts(responseSchema, { ...response, reviewStatus: 'done' })).toBe(false);
    expect(accepts(organizationSchema, { id: 'org', name: 'x', classification: '' })).toBe(false);
  });

  it('gives the record types their fields', () => {
    expectTypeOf<Assessment['defaultTargetLevel']>().toEqualTypeOf<MaturityLevel>();
    expectTypeOf<Response['targetLevel']>().toEqualTypeOf<MaturityLevel | null>();
    expectTypeOf<MaturityLevel>().toEqualTypeOf<0 | 1 | 2 | 3 | 4>();
    expectTypeOf<Assessment['carriedFrom']>().toEqualTypeOf<string | undefined>();
  });
});
