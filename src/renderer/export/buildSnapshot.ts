/** Builds the snapshot of one assessment from the workbook database, for the documents. */
import type { ChainVerdict } from '../../core/audit/chain';
import { todayLocal } from '../../core/rules/rules';
import { createSnapshot, type WorkbookSnapshot } from '../../core/snapshot/snapshot';
import { catalogueById } from '../content/catalogues';
import type { WorkbookDb } from '../db/database';
import { WorkbookError } from '../db/errors';
import { checkLog } from '../db/integrity';
import { evidenceWithoutFile } from '../db/queries/missingFiles';
import { snapshotRecords } from '../db/queries/snapshot';
import { logAnchors } from './exportAnchor';

declare const __APP_VERSION__: string;

export async function buildSnapshot(
  db: WorkbookDb,
  assessmentId: string,
  options: { includeLicensedText: boolean },
): Promise<WorkbookSnapshot> {
  const [records, chain] = await Promise.all([
    snapshotRecords(db, assessmentId),
    logAnchors(db).then((anchors) => documentVerdict(db, anchors)),
  ]);
  const { assessment, organization, site, people, settings, responses, links, evidence, actions, overlay, lastChange, reviews } = records;
  const index = catalogueById(assessment.catalogueId);
  if (!index) throw new WorkbookError(`The catalogue ${assessment.catalogueId} is not available in this version of the app.`, 'invalid');
  const actor = people.find((p) => p.id === settings.actorId);
  // A file whose bytes are gone backs no claimed level; the documents say which.
  const damagedEvidence = await evidenceWithoutFile(db, evidence);
  const now = new Date();
  return createSnapshot({
    generatedAt: now.toISOString(),
    today: todayLocal(now),
    app: { name: 'CSMS Workbook', version: __APP_VERSION__ },
    organization: { name: organization?.name ?? '', classification: organization?.classification ?? '' },
    site: { name: site?.name ?? '', location: site?.location ?? '' },
    people: people.map(({ name, role, email }) => ({ name, role, email })),
    preparedBy: actor ? { name: actor.name, role: actor.role } : null,
    assessment,
    catalogue: index.catalogue,
    responses,
    evidence,
    links,
    actions,
    chain,
    licensedText: options.includeLicensedText ? (overlay?.entries ?? []) : null,
    lastChange,
    reviews,
    damagedEvidence,
  });
}

/**
 * What a document may say about the log: verified only when the chain holds, every record matches it
 * and it still extends every recorded head. Otherwise the first problem, in words.
 */
async function documentVerdict(db: WorkbookDb, anchors: Awaited<ReturnType<typeof logAnchors>>): Promise<ChainVerdict> {
  const log = await checkLog(db, anchors);
  if (!log.chain.ok) return log.chain;
  if (!log.continuity.ok) return { ok: false, seq: 0, reason: log.continuity.message, count: log.chain.count };
  if (!log.data.ok) return { ok: false, seq: 0, reason: log.data.problems[0]!.message, count: log.chain.count };
  return log.chain;
}
