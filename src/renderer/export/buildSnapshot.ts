/** Builds the snapshot of one assessment from the workbook database, for the documents. */
import { verifyChain } from '../../core/audit/chain';
import { createSnapshot, type WorkbookSnapshot } from '../../core/snapshot/snapshot';
import { catalogueById } from '../content/catalogues';
import type { WorkbookDb } from '../db/database';
import { WorkbookError } from '../db/errors';
import { readSettings } from '../db/repo/settings';

declare const __APP_VERSION__: string;

export async function buildSnapshot(
  db: WorkbookDb,
  assessmentId: string,
  options: { includeLicensedText: boolean },
): Promise<WorkbookSnapshot> {
  const assessment = await db.assessments.get(assessmentId);
  if (!assessment) throw new WorkbookError('That assessment no longer exists.', 'not-found');
  const index = catalogueById(assessment.catalogueId);
  if (!index) throw new WorkbookError(`The catalogue ${assessment.catalogueId} is not available in this version of the app.`, 'invalid');
  const [organization, site, people, settings, responses, links, actions, audit, overlay] = await Promise.all([
    db.organization.get('organization'),
    db.sites.get(assessment.siteId),
    db.people.orderBy('name').toArray(),
    readSettings(db),
    db.responses.where('assessmentId').equals(assessmentId).toArray(),
    db.links.where('assessmentId').equals(assessmentId).toArray(),
    db.actions.where('assessmentId').equals(assessmentId).toArray(),
    db.audit.orderBy('seq').toArray(),
    db.overlays.get(assessment.catalogueId),
  ]);
  const evidence = (await db.evidence.bulkGet([...new Set(links.map((l) => l.evidenceId))])).filter((e) => e !== undefined);
  const actor = people.find((p) => p.id === settings.actorId);
  const now = new Date();
  return createSnapshot({
    generatedAt: now.toISOString(),
    today: now.toISOString().slice(0, 10),
    app: { name: 'CSMS Workbook', version: __APP_VERSION__ },
    organization: { name: organization?.name ?? '', classification: organization?.classification || settings.classification },
    site: { name: site?.name ?? '', location: site?.location ?? '' },
    people: people.map(({ name, role, email }) => ({ name, role, email })),
    preparedBy: actor ? { name: actor.name, role: actor.role } : null,
    assessment,
    catalogue: index.catalogue,
    responses,
    evidence,
    links,
    actions,
    chain: verifyChain(audit),
    licensedText: options.includeLicensedText ? (overlay?.entries ?? []) : null,
  });
}
