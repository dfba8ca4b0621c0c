/**
 * The change log as a person reads it: who changed which record when, and each changed field before and
 * after in plain words. Filtering looks only at cheap facts of each entry (its place, person and time);
 * the full description is built for the rows actually shown or exported, so 100,000 entries stay quick.
 */
import { isCalendarDate, isIsoDateTime } from '../format/calendarDate';
import type { AuditEntry } from './chain';
import { canonicalJson } from './canonicalJson';

/** Records the names come from; anything missing falls back to what the log itself says, then to IDs. */
export interface LogContext {
  assessments?: readonly { id: string; name: string }[];
  evidence?: readonly { id: string; title: string }[];
  actions?: readonly { id: string; description: string; assessmentId: string; requirementId: string }[];
  people?: readonly { id: string; name: string }[];
  sites?: readonly { id: string; name: string }[];
}

export interface LogNames {
  assessment: Map<string, string>;
  evidence: Map<string, string>;
  action: Map<string, { description: string; assessmentId: string; requirementId: string }>;
  person: Map<string, string>;
  site: Map<string, string>;
}

/** Where an entry belongs: the assessment and requirement it is about, where it has them. */
export interface EntryPlace {
  assessmentId?: string;
  requirementId?: string;
}

export interface FieldChange {
  field: string;
  label: string;
  /** Shortened for a row; the full text is in `beforeFull`/`afterFull` when it was cut. */
  before: string;
  after: string;
  beforeFull?: string;
  afterFull?: string;
}

export interface LogRow extends EntryPlace {
  seq: number;
  at: string;
  /** The time in UTC, e.g. 2026-03-01 14:05:09 UTC. */
  time: string;
  actor: string;
  op: AuditEntry['change']['op'];
  kind: string;
  recordId: string;
  /** E.g. "Response ORG 1.1 in Plant A 2026". */
  record: string;
  /** One line for a creation, deletion or baseline; empty for an update, whose fields say it all. */
  summary: string;
  changes: FieldChange[];
  reason?: string;
  hash: string;
}

export interface LogFilter {
  assessmentId?: string;
  requirementId?: string;
  actor?: string;
  /** ISO instants: from inclusive, until exclusive. */
  from?: string;
  until?: string;
}

export const SHORT_TEXT_CHARS = 140;
const EMPTY = '—';

/** Partial: an entity added later still shows, under its own name. */
const KIND: Partial<Record<AuditEntry['entity'], string>> = {
  organization: 'Organization',
  site: 'Site',
  person: 'Person',
  assessment: 'Assessment',
  response: 'Response',
  evidence: 'Evidence',
  link: 'Evidence link',
  action: 'Action',
  settings: 'Setting',
  overlay: 'Licensed text',
  review: 'Review',
};

const LABELS: Record<string, string> = {
  applicable: 'Applicable',
  justification: 'Justification',
  targetLevel: 'Target level',
  achievedLevel: 'Achieved level',
  narrative: 'How it is implemented',
  gaps: 'Gaps',
  reviewStatus: 'Review status',
  reviewComment: 'Review comment',
  carriedOver: 'Carried over',
  compensating: 'Compensating countermeasure',
  finding: 'Finding (assessor’s wording)',
  expectedLevel: 'Level expected after',
  closureCheck: 'Closure check',
  defaultTargetLevel: 'Default target level',
  periodStart: 'Period start',
  periodEnd: 'Period end',
  siteId: 'Site',
  catalogueId: 'Catalogue',
  catalogueVersion: 'Catalogue version',
  signOff: 'Sign-off',
  carriedFrom: 'Carried over from',
  conduct: 'Conduct and scope',
  evidenceIds: 'Referenced evidence',
  fileName: 'File name',
  mediaType: 'Media type',
  sha256: 'SHA-256',
  collectedOn: 'Collected on',
  expiresOn: 'Expires on',
  dueDate: 'Due date',
  email: 'Email',
  actorId: 'Who is making changes',
  evidenceSizeCap: 'Largest evidence file',
  value: 'Value',
};

/** Fields every change touches; the row already says who and when. */
const NOISE = new Set(['updatedAt', 'updatedBy', 'createdAt']);
const LEVEL_FIELDS = new Set(['targetLevel', 'achievedLevel', 'defaultTargetLevel', 'expectedLevel']);

function labelOf(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** The names of every record, from the records given and then from the log's own entries (deleted records). */
export function logNames(context: LogContext, entries: readonly AuditEntry[] = []): LogNames {
  const names: LogNames = {
    assessment: new Map(context.assessments?.map((a) => [a.id, a.name])),
    evidence: new Map(context.evidence?.map((e) => [e.id, e.title])),
    action: new Map(context.actions?.map((a) => [a.id, a])),
    person: new Map(context.people?.map((p) => [p.id, p.name])),
    site: new Map(context.sites?.map((s) => [s.id, s.name])),
  };
  for (const entry of entries) {
    const record = objectOf(entry.change.after) ?? objectOf(entry.change.before);
    if (!record) continue;
    const remember = (map: Map<string, string>, value: unknown) => {
      if (!map.has(entry.id) && text(value)) map.set(entry.id, value as string);
    };
    if (entry.entity === 'assessment') remember(names.assessment, record.name);
    else if (entry.entity === 'evidence') remember(names.evidence, record.title);
    else if (entry.entity === 'person') remember(names.person, record.name);
    else if (entry.entity === 'site') remember(names.site, record.name);
    else if (entry.entity === 'action' && !names.action.has(entry.id) && text(record.assessmentId) && text(record.requirementId))
      names.action.set(entry.id, {
        description: text(record.description) ?? '',
        assessmentId: record.assessmentId as string,
        requirementId: record.requirementId as string,
      });
  }
  return names;
}

/** The assessment and requirement an entry is about: from its ID where the ID says, else from its record. */
export function entryPlace(entry: AuditEntry, names: LogNames): EntryPlace {
  switch (entry.entity) {
    case 'assessment':
      return { assessmentId: entry.id };
    case 'response': {
      const [assessmentId, requirementId] = entry.id.split('|');
      return { assessmentId, requirementId };
    }
    case 'link': {
      const [, assessmentId, requirementId] = entry.id.split('|');
      return { assessmentId, requirementId };
    }
    case 'review': {
      const record = objectOf(entry.change.after) ?? objectOf(entry.change.before);
      const assessmentId = text(record?.assessmentId);
      return assessmentId ? { assessmentId } : {};
    }
    case 'action': {
      const record = objectOf(entry.change.after) ?? objectOf(entry.change.before);
      const known = names.action.get(entry.id);
      const assessmentId = text(record?.assessmentId) ?? known?.assessmentId;
      const requirementId = text(record?.requirementId) ?? known?.requirementId;
      return { ...(assessmentId ? { assessmentId } : {}), ...(requirementId ? { requirementId } : {}) };
    }
    default:
      return {};
  }
}

/** The entries that pass the filter, in the order given; one pass, no description built. */
export function filterLog(entries: readonly AuditEntry[], filter: LogFilter, names: LogNames): AuditEntry[] {
  const from = filter.from ? Date.parse(filter.from) : -Infinity;
  const until = filter.until ? Date.parse(filter.until) : Infinity;
  const byTime = filter.from !== undefined || filter.until !== undefined;
  const byPlace = filter.assessmentId !== undefined || filter.requirementId !== undefined;
  return entries.filter((entry) => {
    if (filter.actor !== undefined && entry.actor !== filter.actor) return false;
    if (byTime) {
      const at = Date.parse(entry.at);
      if (!(at >= from && at < until)) return false;
    }
    if (byPlace) {
      const place = entryPlace(entry, names);
      if (filter.assessmentId !== undefined && place.assessmentId !== filter.assessmentId) return false;
      if (filter.requirementId !== undefined && place.requirementId !== filter.requirementId) return false;
    }
    return true;
  });
}

/** The people who made changes, and the requirements changed in an assessment (or anywhere): for filter choices. */
export function logChoices(
  entries: readonly AuditEntry[],
  names: LogNames,
  assessmentId?: string,
): { people: string[]; requirements: string[] } {
  const people = new Set<string>();
  const requirements = new Set<string>();
  for (const entry of entries) {
    people.add(entry.actor);
    if (entry.entity !== 'response' && entry.entity !== 'link' && entry.entity !== 'action') continue;
    const place = entryPlace(entry, names);
    if (place.requirementId && (assessmentId === undefined || place.assessmentId === assessmentId)) requirements.add(place.requirementId);
  }
  const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return { people: [...people].sort(natural), requirements: [...requirements].sort(natural) };
}

/** 2026-03-01T14:05:09.123Z → 2026-03-01 14:05:09 UTC; anything else as written. */
export function utcTime(at: string): string {
  const ms = Date.parse(at);
  if (!isIsoDateTime(at) || Number.isNaN(ms)) return at;
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function shorten(full: string): string {
  if (full.length <= SHORT_TEXT_CHARS) return full;
  const cut = full.slice(0, SHORT_TEXT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT_TEXT_CHARS * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** One value in plain words. */
export function showValue(field: string, value: unknown, names: LogNames): string {
  if (value === undefined || value === null) {
    if (field === 'achievedLevel') return 'not assessed';
    if (field === 'targetLevel') return 'assessment default';
    return EMPTY;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return LEVEL_FIELDS.has(field) ? `ML${value}` : value.toLocaleString('en');
  if (typeof value === 'string') {
    if (value === '') return '(empty)';
    if (field === 'actorId' || field === 'siteId') return (field === 'actorId' ? names.person : names.site).get(value) ?? value;
    if (field === 'carriedFrom') return names.assessment.get(value) ?? value;
    if (isCalendarDate(value)) return value;
    if (isIsoDateTime(value)) return utcTime(value);
    if (field === 'status' || field === 'reviewStatus') return value.replace(/-/g, ' ');
    return value;
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => showValue('', v, names)).join(', ') : '(none)';
  const record = objectOf(value);
  if (record)
    return Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .map((k) => `${labelOf(k)}: ${showValue(k, record[k], names)}`)
      .join('; ');
  return String(value);
}

function fieldChange(field: string, before: unknown, after: unknown, names: LogNames): FieldChange {
  const beforeFull = showValue(field, before, names);
  const afterFull = showValue(field, after, names);
  const change: FieldChange = { field, label: labelOf(field), before: shorten(beforeFull), after: shorten(afterFull) };
  if (change.before !== beforeFull) change.beforeFull = beforeFull;
  if (change.after !== afterFull) change.afterFull = afterFull;
  return change;
}

/** The fields whose values differ, in the order the record lists them. */
function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>, names: LogNames): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !NOISE.has(f));
  const same = (a: unknown, b: unknown) => {
    try {
      return canonicalJson(a ?? null) === canonicalJson(b ?? null);
    } catch {
      return false;
    }
  };
  return fields.filter((f) => !same(before[f], after[f])).map((f) => fieldChange(f, before[f], after[f], names));
}

function recordLabel(entry: AuditEntry, place: EntryPlace, names: LogNames): string {
  const assessment = place.assessmentId ? (names.assessment.get(place.assessmentId) ?? place.assessmentId) : '';
  const record = objectOf(entry.change.after) ?? objectOf(entry.change.before);
  switch (entry.entity) {
    case 'response':
      return `Response ${place.requirementId ?? ''} in ${assessment}`;
    case 'link':
      return `Evidence link ${entry.id.split('|')[0]} to ${place.requirementId ?? ''} in ${assessment}`;
    case 'action': {
      const description = text(record?.description) ?? names.action.get(entry.id)?.description;
      const what = description ? `“${description.length > 60 ? `${description.slice(0, 59).trimEnd()}…` : description}”` : entry.id;
      return place.requirementId ? `Action ${what} on ${place.requirementId} in ${assessment}` : `Action ${what}`;
    }
    case 'assessment':
      return `Assessment ${assessment}`;
    case 'evidence': {
      const title = names.evidence.get(entry.id) ?? text(record?.title);
      return title ? `Evidence ${entry.id}: ${title}` : `Evidence ${entry.id}`;
    }
    case 'person':
      return `Person ${names.person.get(entry.id) ?? entry.id}`;
    case 'site':
      return `Site ${names.site.get(entry.id) ?? entry.id}`;
    case 'organization':
      return 'Organization profile';
    case 'settings':
      return `Setting: ${labelOf(entry.id)}`;
    case 'overlay':
      return `Licensed text for ${entry.id}`;
    case 'review': {
      const reviewer = text(objectOf(record?.reviewer)?.name);
      return `Review${reviewer ? ` by ${reviewer}` : ''}${assessment ? ` of ${assessment}` : ''}`;
    }
    default:
      return `${KIND[entry.entity] ?? entry.entity} ${entry.id}`;
  }
}

function summaryOf(entry: AuditEntry): string {
  const { op } = entry.change;
  if (op === 'baseline') return 'State recorded as found when the log began recording states';
  if (op === 'delete') {
    const removed = objectOf(objectOf(entry.change.after)?.removed);
    const parts = removed ? Object.entries(removed).map(([k, n]) => `${String(n)} ${labelOf(k).toLowerCase()}`) : [];
    return parts.length ? `Deleted, with ${parts.join(', ')}` : 'Deleted';
  }
  if (op === 'create') {
    const carried = objectOf(objectOf(entry.change.after)?.carried);
    return carried ? 'Created, carried over from an earlier assessment' : 'Created';
  }
  return '';
}

/** The full readable row of one entry. */
export function describeEntry(entry: AuditEntry, names: LogNames): LogRow {
  const place = entryPlace(entry, names);
  const { op, before, after, reason } = entry.change;
  let changes: FieldChange[] = [];
  const b = objectOf(before);
  const a = objectOf(after);
  if (entry.entity === 'settings' && op !== 'baseline') changes = [fieldChange(entry.id, before, after, names)];
  else if (op === 'update') changes = b && a ? fieldChanges(b, a, names) : [fieldChange('value', before, after, names)];
  // An answer is created by its first edit, which logs only the fields given: they are the change.
  else if (op === 'create' && entry.entity === 'response' && a) changes = fieldChanges({}, a, names);
  return {
    ...place,
    seq: entry.seq,
    at: entry.at,
    time: utcTime(entry.at),
    actor: entry.actor,
    op,
    kind: KIND[entry.entity] ?? entry.entity,
    recordId: entry.id,
    record: recordLabel(entry, place, names),
    summary: summaryOf(entry),
    changes,
    ...(reason ? { reason } : {}),
    hash: entry.hash,
  };
}
