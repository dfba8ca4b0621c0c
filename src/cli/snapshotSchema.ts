/**
 * Checks a workbook snapshot read from a file before any document is built from it. A file carries the
 * records only (the snapshot createSnapshot writes, less its scores and change-log verdict, which are
 * refused by name and recomputed by rebuildSnapshot); caps keep a hostile or broken file from exhausting
 * memory in the builders, and the first problem is reported as one line that names where it is.
 */
import { z } from 'zod';
import { requirementSchema } from '../core/catalogue/schema';
import { createSnapshot, SNAPSHOT_FORMAT, type ChangeLogAttestation, type WorkbookSnapshot } from '../core/snapshot/snapshot';
import { calendarDate, DATE_FORMAT, DATE_TIME_FORMAT, isoDateTime, RECORD_LIMITS } from '../core/records/fields';
import {
  actionSchema,
  assessmentSchema,
  evidenceLinkSchema,
  evidenceSchema,
  organizationSchema,
  personSchema,
  responseSchema,
  siteSchema,
} from '../core/records/schema';

/**
 * What a snapshot file carries: the records only. Scores and the change-log verdict are derived, so a
 * file never supplies them; the command line computes them from the records (rebuildSnapshot).
 */
export type SnapshotRecords = Omit<WorkbookSnapshot, 'scores' | 'changeLog'>;

/** The derived parts of a snapshot, refused in a file by name. */
export const DERIVED_FIELDS = ['scores', 'changeLog'] as const satisfies readonly (keyof WorkbookSnapshot)[];

/** The records of a snapshot, as a snapshot file holds them (what `csms demo` writes). */
export function recordsOf(snapshot: WorkbookSnapshot): SnapshotRecords {
  const { scores: _scores, changeLog: _changeLog, ...records } = snapshot;
  return records;
}

export const NO_CHANGE_LOG = 'this report was made from a snapshot file, which carries no change log; nothing was verified.';

/** What a document built from a snapshot file says about the change log: nothing was checked. */
export const UNVERIFIED_LOG: Readonly<ChangeLogAttestation> = Object.freeze({
  entries: 0,
  firstAt: null,
  lastAt: null,
  headHash: '',
  verified: false,
  brokenAt: null,
  reason: NO_CHANGE_LOG,
});

/**
 * The snapshot the documents are built from: the file's records through createSnapshot, as the app
 * builds it, so every score is computed here; the change log is stated as not verified.
 */
export function rebuildSnapshot(records: SnapshotRecords): WorkbookSnapshot {
  const snapshot = createSnapshot({
    generatedAt: records.generatedAt,
    today: records.today,
    app: records.app,
    organization: records.organization,
    site: records.site,
    people: records.people,
    preparedBy: records.preparedBy,
    assessment: records.assessment,
    catalogue: records.catalogue,
    responses: records.responses,
    evidence: records.evidence,
    links: records.links,
    actions: records.actions,
    chain: { ok: false, seq: 0, reason: NO_CHANGE_LOG, count: 0 },
    licensedText: records.licensedText,
  });
  return { ...snapshot, changeLog: { ...UNVERIFIED_LOG } };
}

export type SnapshotCheck = { ok: true; snapshot: SnapshotRecords } | { ok: false; error: string };

/** Upper bounds well above any real workbook. */
export const SNAPSHOT_LIMITS = {
  people: 1_000,
  spes: RECORD_LIMITS.scope,
  elements: 100,
  requirements: 2_000,
  responses: 2_000,
  evidence: 50_000,
  links: 200_000,
  actions: 20_000,
  licensedText: 2_000,
} as const;

const str = (max: number) => z.string().max(max);
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `has more than ${max} entries`);

const requirement = requirementSchema.extend({ titleDoubtful: z.boolean(), elementId: str(40), speId: str(40) });
const element = z.strictObject({
  id: str(40),
  title: str(200),
  summary: str(600),
  speId: str(40),
  requirements: list(requirement, SNAPSHOT_LIMITS.requirements),
});
const catalogue = z.strictObject({
  id: str(64),
  edition: str(100),
  version: str(40),
  title: str(200),
  notice: str(2_000),
  levels: z.strictObject({ spe: str(60), element: str(60), requirement: str(60) }),
  spes: list(
    z.strictObject({
      number: z.int().positive(),
      id: str(40),
      title: str(200),
      summary: str(600),
      clause: str(20).optional(),
      elements: list(element, SNAPSHOT_LIMITS.elements),
    }),
    SNAPSHOT_LIMITS.spes,
  ),
});

const snapshotSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FORMAT),
  generatedAt: isoDateTime,
  today: calendarDate(),
  app: z.strictObject({ name: str(100), version: str(40) }),
  organization: organizationSchema.pick({ name: true, classification: true }),
  site: siteSchema.pick({ name: true, location: true }),
  people: list(personSchema.pick({ name: true, role: true, email: true }), SNAPSHOT_LIMITS.people),
  preparedBy: personSchema.pick({ name: true, role: true }).nullable(),
  assessment: assessmentSchema,
  catalogue,
  responses: list(responseSchema, SNAPSHOT_LIMITS.responses),
  evidence: list(evidenceSchema, SNAPSHOT_LIMITS.evidence),
  links: list(evidenceLinkSchema, SNAPSHOT_LIMITS.links),
  actions: list(actionSchema, SNAPSHOT_LIMITS.actions),
  licensedText: list(
    z.strictObject({ id: str(40), text: str(20_000), title: str(300).optional() }),
    SNAPSHOT_LIMITS.licensedText,
  ).nullable(),
}) satisfies z.ZodType<SnapshotRecords>;

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = { array: 'a list', object: 'an object', int: 'a whole number', number: 'a number' };

/** The parts of a snapshot that are workbook records: their schemas word messages as clauses for people. */
const RECORD_PARTS = new Set(['organization', 'site', 'people', 'preparedBy', 'assessment', 'responses', 'evidence', 'links', 'actions']);

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const at = pathText(issue.path);
  const subject = at || 'the file';
  const value = valueAt(data, issue.path);
  const inRecord = RECORD_PARTS.has(String(issue.path[0]));
  if (value === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom') return `${subject} is missing`;
  switch (issue.code) {
    case 'invalid_type':
      return `${subject} must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}, not ${typeName(value)}`;
    case 'unrecognized_keys':
      return `${at ? `${at} has an ` : ''}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'too_big':
      if (issue.origin === 'string') return `${subject} is longer than ${issue.maximum} characters`;
      if (issue.origin === 'array') return `${subject} has more than ${issue.maximum} entries`;
      return `${subject} must be at most ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string' && inRecord)
        return `${subject} ${issue.minimum === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`}`;
      if (issue.origin === 'array' && inRecord)
        return `${subject} must have at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
      if (issue.origin === 'string' || issue.origin === 'array') return `${subject} ${issue.message}`;
      return `${subject} must be at least ${issue.minimum}`;
    case 'invalid_value':
      return `${subject} must be ${issue.values.length > 1 ? 'one of ' : ''}${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      if (issue.format === DATE_FORMAT) return `${subject} must be a date written YYYY-MM-DD`;
      if (issue.format === DATE_TIME_FORMAT) return `${subject} must be an ISO date-time`;
      break;
  }
  return inRecord ? `${subject}: ${issue.message}` : `${subject} ${issue.message}`;
}

/** Records that point at each other must agree, or the documents would silently drop them. */
function crossCheck(s: SnapshotRecords): string | null {
  const requirements = new Set(s.catalogue.spes.flatMap((spe) => spe.elements.flatMap((e) => e.requirements.map((r) => r.id))));
  const evidence = new Set<string>();
  const numbers = new Set<number>();
  for (const [i, e] of s.evidence.entries()) {
    if (evidence.has(e.id)) return `evidence[${i}].id ${e.id} appears more than once`;
    evidence.add(e.id);
    if (numbers.has(e.number)) return `evidence[${i}].number ${e.number} is used by another evidence item`;
    numbers.add(e.number);
    if (e.kind === 'file' && !e.sha256) return `evidence[${i}].sha256 is missing (file evidence needs its hash)`;
  }
  const spes = new Set(s.catalogue.spes.map((spe) => spe.id));
  for (const [i, id] of s.assessment.scope.entries())
    if (!spes.has(id)) return `assessment.scope[${i}] names ${id}, which is not in the catalogue`;
  const checks: [string, { requirementId: string; assessmentId: string }[]][] = [
    ['responses', s.responses],
    ['links', s.links],
    ['actions', s.actions],
  ];
  for (const [what, items] of checks) {
    for (const [i, item] of items.entries()) {
      if (item.assessmentId !== s.assessment.id) return `${what}[${i}].assessmentId is not the assessment's ID`;
      if (!requirements.has(item.requirementId)) return `${what}[${i}].requirementId ${item.requirementId} is not in the catalogue`;
    }
  }
  for (const [i, l] of s.links.entries())
    if (!evidence.has(l.evidenceId)) return `links[${i}].evidenceId ${l.evidenceId} is not in evidence`;
  return duplicateOrOutOfScope(s);
}

/**
 * One answer per requirement, and no action for a requirement the assessment leaves out: a file that
 * says otherwise cannot be printed without choosing between two answers or counting work nobody assessed.
 * Refusing a file loses nothing (it is fixed and read again). The app keeps one answer per key, and an
 * action left outside by a later change of scope stays in its workbook: the documents list it, count it
 * nowhere and say so in document control, because deleting it would lose the user's work.
 */
function duplicateOrOutOfScope(s: SnapshotRecords): string | null {
  const answered = new Set<string>();
  for (const [i, r] of s.responses.entries()) {
    if (answered.has(r.requirementId)) return `responses[${i}] is a second answer to ${r.requirementId}`;
    answered.add(r.requirementId);
  }
  const scope = new Set(s.assessment.scope);
  const speOf = new Map(s.catalogue.spes.flatMap((spe) => spe.elements.flatMap((e) => e.requirements.map((r) => [r.id, spe.id] as const))));
  for (const [i, a] of s.actions.entries())
    if (!scope.has(speOf.get(a.requirementId) ?? ''))
      return `actions[${i}].requirementId ${a.requirementId} is outside the assessment's scope`;
  return null;
}

/** Validates parsed JSON as the records of a workbook snapshot of the format this app reads. */
export function checkSnapshot(data: unknown): SnapshotCheck {
  const not = (problem: string): SnapshotCheck => ({ ok: false, error: `not a workbook snapshot: ${problem}` });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return not(`expected a JSON object, found ${typeName(data)}`);
  const format = (data as { format?: unknown }).format;
  if (typeof format === 'number' && Number.isInteger(format) && format > SNAPSHOT_FORMAT) {
    return {
      ok: false,
      error: `written by a newer version of CSMS Workbook (snapshot format ${format}; this version reads format ${SNAPSHOT_FORMAT}): update the app`,
    };
  }
  for (const key of DERIVED_FIELDS) {
    if (Object.hasOwn(data, key)) {
      return not(
        `unknown field "${key}": a snapshot file carries records only; scores and the change-log verdict are computed from them, never read from a file`,
      );
    }
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) return not(describeIssue(parsed.error.issues[0]!, data));
  const snapshot = parsed.data as SnapshotRecords;
  const problem = crossCheck(snapshot);
  return problem ? not(problem) : { ok: true, snapshot };
}
