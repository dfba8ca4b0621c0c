/**
 * The sample workbook as bundle records with a change log that creates them: what `csms demo --out
 * sample.csmsx` writes. Built from the same sample as the app's sample assessment.
 */
import type { BundleInput } from '../bundle/build';
import { EMPTY_RECORDS, type BundleRecords } from '../bundle/contents';
import { creationLog } from '../bundle/newLog';
import type { Catalogue } from '../catalogue/types';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import { sampleWorkbook } from './sampleData';

export interface SampleBundle {
  input: BundleInput;
  /** The bytes of each file evidence, by SHA-256. */
  files: Map<string, Uint8Array>;
}

export function sampleBundle(catalogue: Catalogue, now: Date, app: { name: string; version: string }): SampleBundle {
  const { snapshot, files } = sampleSnapshot(catalogue, now, app);
  const sample = sampleWorkbook(now);
  const at = now.toISOString();
  const people = sample.people.map((p, i) => ({ id: `sample-person-${i + 1}`, name: p.name, role: p.role, email: p.email, createdAt: at }));
  const idOf = (name: string) => people.find((p) => p.name === name)?.id ?? name;
  const site = sample.sites[sample.assessment.site]!;
  const records: BundleRecords = {
    ...EMPTY_RECORDS,
    organization: { id: 'organization', name: sample.organization.name, classification: sample.organization.classification },
    sites: [{ id: snapshot.assessment.siteId, name: site.name, location: site.location, createdAt: at }],
    people,
    assessments: [snapshot.assessment],
    // In a workbook an answer records who changed it by person ID; the snapshot carries names.
    responses: snapshot.responses.map((r) => ({ ...r, updatedBy: idOf(r.updatedBy) })),
    evidence: snapshot.evidence,
    links: snapshot.links,
    actions: snapshot.actions,
  };
  const actor = people.find((p) => p.name === sample.people.find((s) => s.key === sample.actor)!.name)!.name;
  return { input: { app, createdAt: at, records, log: creationLog(records, at, actor) }, files };
}
