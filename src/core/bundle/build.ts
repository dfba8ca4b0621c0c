/**
 * What goes into a bundle: the workbook's records and change log as they are, or for one assessment
 * only what it references, with the log's entries about everything else withheld (their place and
 * hashes stay, so the chain still checks; their content stays home).
 */
import type { AuditEntry } from '../audit/chain';
import type { BundleLogEntry, BundleRecords } from './contents';
import { BUNDLE_FORMAT_VERSION, BUNDLE_PATHS, evidenceEntryName, type BundleScope } from './format';

export interface BundleInput {
  app: { name: string; version: string };
  createdAt: string;
  records: BundleRecords;
  log: readonly AuditEntry[];
}

export interface BundleText {
  scope: BundleScope;
  header: string;
  records: string;
  log: string;
  /** The distinct evidence files to pack, by SHA-256, with their sizes. */
  evidence: Map<string, number>;
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/** Only the records one assessment needs, and its log with every other entry withheld. */
export function selectAssessment(
  records: BundleRecords,
  log: readonly AuditEntry[],
  assessmentId: string,
): { records: BundleRecords; log: BundleLogEntry[] } {
  const assessment = records.assessments.find((a) => a.id === assessmentId);
  if (!assessment) throw new Error('That assessment is not in the workbook.');
  const links = records.links.filter((l) => l.assessmentId === assessmentId);
  const linked = new Set(links.map((l) => l.evidenceId));
  const selected: BundleRecords = {
    organization: records.organization,
    sites: records.sites.filter((s) => s.id === assessment.siteId),
    people: records.people,
    assessments: [assessment],
    responses: records.responses.filter((r) => r.assessmentId === assessmentId),
    evidence: records.evidence.filter((e) => linked.has(e.id)),
    links,
    actions: records.actions.filter((a) => a.assessmentId === assessmentId),
    settings: [],
    overlays: [],
    reviews: records.reviews.filter((r) => r.assessmentId === assessmentId),
  };
  // An action's entries name only its ID; which assessment it belongs to is in the entries themselves.
  const actionIds = new Set(selected.actions.map((a) => a.id));
  for (const entry of log) {
    if (entry.entity !== 'action') continue;
    const owner = recordOf(entry.change.after)?.assessmentId ?? recordOf(entry.change.before)?.assessmentId;
    if (owner === assessmentId) actionIds.add(entry.id);
  }
  const reviewIds = new Set(selected.reviews.map((r) => r.id));
  for (const entry of log) {
    if (entry.entity !== 'review') continue;
    const owner = recordOf(entry.change.after)?.assessmentId ?? recordOf(entry.change.before)?.assessmentId;
    if (owner === assessmentId) reviewIds.add(entry.id);
  }
  const inScope = (entry: AuditEntry): boolean => {
    switch (entry.entity) {
      case 'organization':
      case 'person':
        return true;
      case 'site':
        return entry.id === assessment.siteId;
      case 'assessment':
        return entry.id === assessmentId;
      case 'response':
        return entry.id.split('|')[0] === assessmentId;
      case 'link':
        return entry.id.split('|')[1] === assessmentId;
      case 'evidence':
        return linked.has(entry.id);
      case 'action':
        return actionIds.has(entry.id);
      case 'review':
        return reviewIds.has(entry.id);
      case 'settings':
      case 'overlay':
        return false;
    }
  };
  return {
    records: selected,
    log: log.map((e) => (inScope(e) ? e : { seq: e.seq, withheld: true as const, prevHash: e.prevHash, hash: e.hash })),
  };
}

/** changelog.jsonl: one entry per line exactly as stored, prevHash and hash included. */
export function changeLogText(log: readonly BundleLogEntry[]): string {
  return log.map((e) => JSON.stringify(e)).join('\n') + (log.length ? '\n' : '');
}

/** The text files of a bundle and the evidence it must carry. */
export function bundleText(input: BundleInput, scope: BundleScope): BundleText {
  const chosen =
    scope.kind === 'assessment'
      ? selectAssessment(input.records, input.log, scope.assessmentId)
      : { records: input.records, log: [...input.log] };
  const head = chosen.log.at(-1)?.hash ?? '0'.repeat(64);
  const header = {
    format: BUNDLE_FORMAT_VERSION,
    app: input.app,
    createdAt: input.createdAt,
    scope,
    log: { count: chosen.log.length, head },
  };
  const evidence = new Map<string, number>();
  for (const e of chosen.records.evidence) if (e.kind === 'file' && e.sha256) evidence.set(e.sha256, e.size ?? 0);
  return {
    scope,
    header: `${JSON.stringify(header, null, 2)}\n`,
    records: `${JSON.stringify(chosen.records)}\n`,
    log: changeLogText(chosen.log),
    evidence,
  };
}

/** Paths in the order they are packed: small files first, so a reader meets the header at once. */
export function bundlePaths(text: BundleText): string[] {
  return [
    BUNDLE_PATHS.header,
    BUNDLE_PATHS.records,
    BUNDLE_PATHS.log,
    ...[...text.evidence.keys()].map(evidenceEntryName),
    BUNDLE_PATHS.manifest,
  ];
}
