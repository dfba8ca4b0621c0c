/** Every record of a bundle with the entity and ID the change log knows it by. */
import type { AuditEntity } from '../audit/chain';
import type { RecordDigest } from '../audit/reconcile';
import { recordState } from '../audit/recordState';
import type { BundleRecords } from './contents';

export interface LoggedRecord {
  entity: AuditEntity;
  id: string;
  record: unknown;
}

export function loggedRecords(records: BundleRecords): LoggedRecord[] {
  const out: LoggedRecord[] = [];
  const add = (entity: AuditEntity, id: string, record: unknown) => out.push({ entity, id, record });
  if (records.organization) add('organization', records.organization.id, records.organization);
  for (const r of records.sites) add('site', r.id, r);
  for (const r of records.people) add('person', r.id, r);
  for (const r of records.assessments) add('assessment', r.id, r);
  for (const r of records.responses) add('response', `${r.assessmentId}|${r.requirementId}`, r);
  for (const r of records.evidence) add('evidence', r.id, r);
  for (const r of records.links) add('link', `${r.evidenceId}|${r.assessmentId}|${r.requirementId}`, r);
  for (const r of records.actions) add('action', r.id, r);
  for (const r of records.settings) add('settings', r.key, r);
  for (const r of records.overlays) add('overlay', r.catalogueId, r);
  for (const r of records.reviews) add('review', r.id, r);
  return out;
}

export function recordDigests(records: BundleRecords): RecordDigest[] {
  return loggedRecords(records).map(({ entity, id, record }) => ({ entity, id, state: recordState(record)! }));
}
