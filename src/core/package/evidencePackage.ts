/**
 * The evidence package's layout: the documents at the top, every evidence file as
 * evidence/EV-0001_<safe name>, manifest.json (all evidence, links and notes included) and
 * manifest-sha256.txt, which `sha256sum -c` checks inside the unpacked folder.
 */
import { safeFileName } from '../format/fileName';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import type { Evidence } from '../records/model';

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
