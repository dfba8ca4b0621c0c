/**
 * The evidence package's layout: the documents at the top, every evidence file as
 * evidence/EV-0001_<safe name>, the change log (changelog.csv, changelog.jsonl, check_changelog.py,
 * README.txt), manifest.json (all evidence, links and notes included) and manifest-sha256.txt, which
 * `sha256sum -c` checks inside the unpacked folder.
 */
import type { AuditEntry } from '../audit/chain';
import { changeLogCsv, changeLogJsonl } from '../audit/logFiles';
import { logNames } from '../audit/logView';
import { selectAssessment } from '../bundle/build';
import { isWithheld, type BundleLogEntry, type BundleRecords } from '../bundle/contents';
import { safeFileName } from '../format/fileName';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import type { Evidence } from '../records/model';
import { CHECK_SCRIPT, packageReadme } from './packageReadme';

export const PACKAGE_FORMAT = 1;

export function evidencePath(evidence: Pick<Evidence, 'id' | 'fileName' | 'title'>): string {
  return `evidence/${evidence.id}_${safeFileName(evidence.fileName ?? evidence.title, 'file', 120)}`;
}

export interface PackedFile {
  path: string;
  sha256: string;
  size: number;
}

/** Lines in sha256sum format: hash, two spaces, path. */
export function sha256Manifest(files: readonly PackedFile[]): string {
  return files.map((f) => `${f.sha256}  ${f.path}`).join('\n') + '\n';
}

export function packageManifest(
  snapshot: WorkbookSnapshot,
  documents: readonly PackedFile[],
  evidenceFiles: ReadonlyMap<string, PackedFile>,
): string {
  const linksOf = (id: string) => snapshot.links.filter((l) => l.evidenceId === id).map((l) => l.requirementId);
  return JSON.stringify(
    {
      format: PACKAGE_FORMAT,
      generatedAt: snapshot.generatedAt,
      organization: snapshot.organization.name,
      site: snapshot.site.name,
      assessment: {
        name: snapshot.assessment.name,
        periodStart: snapshot.assessment.periodStart,
        periodEnd: snapshot.assessment.periodEnd,
      },
      catalogue: { id: snapshot.catalogue.id, version: snapshot.catalogue.version },
      changeLog: snapshot.changeLog,
      documents,
      evidence: snapshot.evidence.map((e) => ({
        id: e.id,
        title: e.title,
        kind: e.kind,
        ...(e.kind === 'file'
          ? { fileName: e.fileName, mediaType: e.mediaType, size: e.size, sha256: e.sha256, path: evidenceFiles.get(e.id)?.path }
          : {}),
        ...(e.kind === 'link' ? { location: e.location } : {}),
        ...(e.kind === 'note' ? { note: e.note } : {}),
        collectedOn: e.collectedOn ?? null,
        expiresOn: e.expiresOn ?? null,
        owner: e.owner,
        linkedRequirements: linksOf(e.id),
      })),
    },
    null,
    2,
  );
}

/** A text file the package carries beside the documents and evidence. */
export interface PackageText {
  path: string;
  text: string;
}

export interface PackageLogInput {
  /** The whole workbook, as a bundle carries it: only what the assessment needs goes in. */
  records: BundleRecords;
  /** Entries already withheld (the log of a one-assessment bundle) stay withheld. */
  log: readonly BundleLogEntry[];
  assessmentId: string;
  generatedAt: string;
  documents: readonly string[];
  evidenceFiles: number;
}

/**
 * The change log for an auditor: changelog.csv to read, changelog.jsonl to check, the check script and
 * README.txt saying how. Entries about other assessments keep their place and hashes but not their
 * content, as in a one-assessment bundle, so the chain still checks.
 */
export function changeLogPackageFiles(input: PackageLogInput): PackageText[] {
  const full = input.log.filter((e): e is AuditEntry => !isWithheld(e));
  const selected = selectAssessment(input.records, full, input.assessmentId);
  const bySeq = new Map(selected.log.map((e) => [e.seq, e]));
  const log = input.log.map((e) => (isWithheld(e) ? e : bySeq.get(e.seq)!));
  const records = selected.records;
  const shown = log.filter((e): e is AuditEntry => !isWithheld(e));
  const names = logNames(
    {
      assessments: records.assessments,
      evidence: records.evidence,
      actions: records.actions,
      people: records.people,
      sites: records.sites,
    },
    shown,
  );
  const readme = packageReadme({
    assessment: records.assessments[0]!.name,
    generatedAt: input.generatedAt,
    documents: input.documents,
    evidenceFiles: input.evidenceFiles,
    log: { count: log.length, withheld: log.length - shown.length, head: log.at(-1)?.hash ?? '' },
  });
  return [
    { path: 'changelog.csv', text: changeLogCsv(shown, names) },
    { path: 'changelog.jsonl', text: changeLogJsonl(log) },
    { path: 'check_changelog.py', text: CHECK_SCRIPT },
    { path: 'README.txt', text: readme },
  ];
}
