/**
 * Adding a bundle's assessments to this workbook, in one change with every record logged in this
 * workbook's own change log. People and sites are matched by ID (a bundle that went to an auditor and
 * came back has the same ones); evidence files by their SHA-256, so a file is never stored twice;
 * evidence IDs are given afresh from this workbook's numbers where they are new here.
 */
import { recordState } from '../../../core/audit/recordState';
import type { VerifiedBundle } from '../../../core/bundle/verify';
import { formatEvidenceId } from '../../../core/records/evidenceId';
import type { Action, Assessment, Evidence } from '../../../core/records/model';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate, newId, type Mutation } from '../mutate';
import { allocateActionNumber } from '../repo/actions';
import { byCreation } from '../../../core/findings/actionRef';

export type MergeChoice = 'replace' | 'keep-both';

export interface MergeConflict {
  id: string;
  name: string;
  /** The assessment of that ID in this workbook. */
  existingName: string;
}

export interface MergeSummary {
  assessments: number;
  evidenceAdded: number;
  evidenceMatched: number;
  people: number;
  sites: number;
}

/** The bundle's assessments that this workbook already has: the user chooses, for each, replace or keep both. */
export async function mergeConflicts(db: WorkbookDb, bundle: VerifiedBundle): Promise<MergeConflict[]> {
  const found = await db.assessments.bulkGet(bundle.records.assessments.map((a) => a.id));
  return bundle.records.assessments.flatMap((a, i) => (found[i] ? [{ id: a.id, name: a.name, existingName: found[i].name }] : []));
}

async function removeAssessment(db: WorkbookDb, m: Mutation, assessment: Assessment): Promise<void> {
  const [responses, links, actions] = await Promise.all([
    db.responses.where('assessmentId').equals(assessment.id).toArray(),
    db.links.where('assessmentId').equals(assessment.id).toArray(),
    db.actions.where('assessmentId').equals(assessment.id).toArray(),
  ]);
  for (const r of responses) {
    await db.responses.delete([r.assessmentId, r.requirementId]);
    m.log('response', `${r.assessmentId}|${r.requirementId}`, { op: 'delete', before: r });
  }
  for (const l of links) {
    await db.links.delete([l.evidenceId, l.assessmentId, l.requirementId]);
    m.log('link', `${l.evidenceId}|${l.assessmentId}|${l.requirementId}`, { op: 'delete', before: l });
  }
  for (const a of actions) {
    await db.actions.delete(a.id);
    m.log('action', a.id, { op: 'delete', before: a });
  }
  await db.assessments.delete(assessment.id);
  m.log('assessment', assessment.id, { op: 'delete', before: assessment });
}

/** Evidence of the bundle → the ID it has in this workbook (matched, or added with a new number). */
async function bringEvidence(db: WorkbookDb, m: Mutation, bundle: VerifiedBundle, files: ReadonlyMap<string, Blob>, summary: MergeSummary) {
  const mapped = new Map<string, string>();
  const ours = await db.evidence.toArray();
  const bySha = new Map(ours.filter((e) => e.sha256).map((e) => [e.sha256!, e]));
  const byId = new Map(ours.map((e) => [e.id, e]));
  let next = Number((await db.meta.get('nextEvidenceNumber'))?.value ?? 1);
  for (const incoming of [...bundle.records.evidence].sort((a, b) => a.number - b.number)) {
    const same = incoming.kind === 'file' ? bySha.get(incoming.sha256!) : byId.get(incoming.id);
    if (same && (incoming.kind === 'file' || recordState(same) === recordState(incoming))) {
      mapped.set(incoming.id, same.id);
      summary.evidenceMatched += 1;
      continue;
    }
    const number = next++;
    const record: Evidence = { ...incoming, id: formatEvidenceId(number), number };
    if (record.kind === 'file' && !(await db.blobs.get(record.sha256!))) {
      const blob = files.get(record.sha256!);
      if (!blob) throw new WorkbookError(`The file of ${incoming.id} did not come with the bundle.`, 'invalid');
      await db.blobs.add({ sha256: record.sha256!, blob, size: blob.size });
    }
    await db.evidence.add(record);
    m.log('evidence', record.id, { op: 'create', after: record });
    if (record.sha256) bySha.set(record.sha256, record);
    mapped.set(incoming.id, record.id);
    summary.evidenceAdded += 1;
  }
  await db.meta.put({ key: 'nextEvidenceNumber', value: next });
  return mapped;
}

/**
 * Adds the bundle's assessments (with their answers, links and actions), and the people, sites and
 * evidence they need, as one change. `choices` says what to do with each conflict (mergeConflicts);
 * a conflict without a choice refuses the whole merge before anything is written.
 */
export async function mergeBundle(
  db: WorkbookDb,
  bundle: VerifiedBundle,
  files: ReadonlyMap<string, Blob>,
  choices: Readonly<Record<string, MergeChoice>>,
): Promise<MergeSummary> {
  if (bundle.logProblem) throw new WorkbookError('The bundle’s change log does not vouch for its records.', 'invalid');
  const { records } = bundle;
  const bytes = [...files.values()].reduce((n, b) => n + b.size, 0);
  return mutate(
    db,
    async (m) => {
      const summary: MergeSummary = { assessments: 0, evidenceAdded: 0, evidenceMatched: 0, people: 0, sites: 0 };
      if (records.organization && !(await db.organization.get('organization'))) {
        await db.organization.add(records.organization);
        m.log('organization', 'organization', { op: 'create', after: records.organization });
      }
      for (const site of records.sites) {
        if (await db.sites.get(site.id)) continue;
        await db.sites.add(site);
        m.log('site', site.id, { op: 'create', after: site });
        summary.sites += 1;
      }
      for (const person of records.people) {
        if (await db.people.get(person.id)) continue;
        await db.people.add(person);
        m.log('person', person.id, { op: 'create', after: person });
        summary.people += 1;
      }
      const evidenceId = await bringEvidence(db, m, bundle, files, summary);
      for (const incoming of records.assessments) {
        const existing = await db.assessments.get(incoming.id);
        const choice = existing ? choices[incoming.id] : undefined;
        if (existing && !choice)
          throw new WorkbookError(
            `Choose whether “${incoming.name}” replaces the assessment of the same ID or is kept beside it.`,
            'invalid',
          );
        if (existing && choice === 'replace') await removeAssessment(db, m, existing);
        const keepBoth = existing && choice === 'keep-both';
        const id = keepBoth ? newId() : incoming.id;
        const assessment: Assessment = keepBoth ? { ...incoming, id, name: `${incoming.name} (imported)`.slice(0, 200) } : incoming;
        await db.assessments.add(assessment);
        m.log('assessment', id, { op: 'create', after: assessment });
        for (const r of records.responses.filter((x) => x.assessmentId === incoming.id)) {
          const response = { ...r, assessmentId: id };
          await db.responses.add(response);
          m.log('response', `${id}|${r.requirementId}`, { op: 'create', after: response });
        }
        const linked = new Set<string>();
        for (const l of records.links.filter((x) => x.assessmentId === incoming.id)) {
          const link = { ...l, assessmentId: id, evidenceId: evidenceId.get(l.evidenceId)! };
          const key = `${link.evidenceId}|${id}|${link.requirementId}`;
          // Two of the bundle's items may be one here (the same file): their links become one.
          if (linked.has(key)) continue;
          linked.add(key);
          await db.links.add(link);
          m.log('link', key, { op: 'create', after: link });
        }
        // In the order they were numbered where they came from, so ACT IDs keep their sequence here.
        const incomingActions = records.actions
          .filter((x) => x.assessmentId === incoming.id)
          .sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || byCreation(a, b));
        for (const a of incomingActions) {
          const taken = await db.actions.get(a.id);
          // Like evidence, an action gets its ACT ID afresh from this workbook's numbers.
          const number = await allocateActionNumber(db);
          const action: Action = { ...a, assessmentId: id, id: keepBoth || taken ? newId() : a.id, number };
          await db.actions.add(action);
          m.log('action', action.id, { op: 'create', after: action });
        }
        summary.assessments += 1;
      }
      return summary;
    },
    { addsBytes: bytes, importing: true },
  );
}
