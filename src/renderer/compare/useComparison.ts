/**
 * The comparison of two assessments as the screen shows it, kept live: the records come through the
 * snapshot query, are scored by core's snapshot, and compared by core. The change log is not checked
 * here (the screen shows no attestation); the Word document is built from fully checked snapshots.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { compareSnapshots, type ComparisonResult } from '../../core/compare/compareSnapshots';
import { createSnapshot, type WorkbookSnapshot } from '../../core/snapshot/snapshot';
import { catalogueById } from '../content/catalogues';
import { comparisonRecords } from '../db/queries/compare';
import { useToday } from '../hooks/useToday';
import { useWorkbook } from '../workbook/WorkbookContext';

type Records = Awaited<ReturnType<typeof comparisonRecords>>[number];

function screenSnapshot(records: Records, today: string): WorkbookSnapshot | string {
  const { assessment, site, responses, links, evidence, actions } = records;
  const index = catalogueById(assessment.catalogueId);
  if (!index) return `The catalogue of ${assessment.name} is not available in this version of the app.`;
  return createSnapshot({
    generatedAt: new Date().toISOString(),
    today,
    app: { name: 'CSMS Workbook', version: '' },
    organization: { name: '', classification: '' },
    site: { name: site?.name ?? '', location: site?.location ?? '' },
    people: [],
    preparedBy: null,
    assessment,
    catalogue: index.catalogue,
    responses,
    evidence,
    links,
    actions,
    chain: { ok: false, seq: 0, reason: 'not checked for the comparison screen', count: 0 },
    licensedText: null,
  });
}

/** undefined while loading; otherwise the comparison or the sentence saying why there is none. */
export function useComparison(baselineId: string, currentId: string): ComparisonResult | undefined {
  const db = useWorkbook();
  const today = useToday();
  const records = useLiveQuery(
    () =>
      baselineId && currentId
        ? comparisonRecords(db, baselineId, currentId).catch((error: Error) => error.message)
        : Promise.resolve('Choose a baseline and a current assessment.'),
    [db, baselineId, currentId],
  );
  return useMemo(() => {
    if (records === undefined) return undefined;
    if (typeof records === 'string') return { ok: false, message: records };
    const [baseline, current] = records.map((r) => screenSnapshot(r, today));
    if (typeof baseline === 'string') return { ok: false, message: baseline };
    if (typeof current === 'string') return { ok: false, message: current };
    return compareSnapshots(baseline!, current!);
  }, [records, today]);
}
