/**
 * Evidence: files (bytes stored once per SHA-256, however many records share them), links to documents
 * held elsewhere, and notes. Files are hashed before the write transaction; a batch of files is written
 * in one transaction, so it lands whole or not at all.
 */
import type { z } from 'zod';
import { formatBytes } from '../../../core/format/bytes';
import { formatEvidenceId } from '../../../core/records/evidenceId';
import { evidencePatch, newLinkEvidence, newNoteEvidence, type newEvidence } from '../../../core/records/inputs';
import type { Evidence, EvidenceLink } from '../../../core/records/model';
import { evidenceLinkSchema, evidenceSchema } from '../../../core/records/schema';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { hashBlobHere, type BlobHasher } from '../hashBlob';
import { mutate, nowIso, type Mutation } from '../mutate';
import { readSettings } from './settings';
import { named, parseOrRefuse, type Subject } from './validation';

export interface IncomingFile {
  name: string;
  type: string;
  blob: Blob;
}

export interface ResponseRef {
  assessmentId: string;
  requirementId: string;
}

export type EvidenceMetadata = z.input<typeof newEvidence>;
export type EvidenceMetadataPatch = z.input<typeof evidencePatch>;

const EVIDENCE: Subject = { what: 'evidence' };
const LINK: Subject = { what: 'link to the evidence' };
/** A link or a note is refused as what it is ("The note was not saved: …"). */
const asKind = (kind: 'link' | 'note'): Subject => ({ what: kind, record: 'evidence' });

/** The whole record as it will be stored, checked before it is written. */
const checked = (record: Evidence, subject = EVIDENCE): Evidence => parseOrRefuse(evidenceSchema, record, subject);

async function allocateNumbers(db: WorkbookDb, count: number): Promise<number[]> {
  const next = Number((await db.meta.get('nextEvidenceNumber'))?.value ?? 1);
  // Numbers only ever move forward, so an ID is never given to a second record, even after deletion.
  await db.meta.put({ key: 'nextEvidenceNumber', value: next + count });
  return Array.from({ length: count }, (_, i) => next + i);
}

async function link(db: WorkbookDb, m: Mutation, evidenceId: string, ref: ResponseRef): Promise<void> {
  if (!(await db.assessments.get(ref.assessmentId))) throw new WorkbookError('That assessment no longer exists.', 'not-found');
  const key: [string, string, string] = [evidenceId, ref.assessmentId, ref.requirementId];
  if (await db.links.get(key)) return;
  const record = parseOrRefuse(evidenceLinkSchema, { evidenceId, ...ref, createdAt: nowIso() }, LINK);
  await db.links.add(record);
  m.log('link', key.join('|'), { op: 'create', after: record });
}

export type AddFilesOutcome =
  | { status: 'added'; evidence: Evidence[] }
  /** Some files are already in the workbook: nothing was written; ask, then call again with a choice. */
  | { status: 'duplicates'; duplicates: { file: string; existing: Evidence }[] };

export interface AddFilesOptions {
  link?: ResponseRef;
  /** ask: stop and report duplicates; link-existing: link the existing record instead; add-anyway: new records. */
  duplicates?: 'ask' | 'link-existing' | 'add-anyway';
  hasher?: BlobHasher;
  onProgress?: (done: number, total: number) => void;
  classification?: string;
}

/** An empty file shows nothing to an auditor, so it cannot stand as evidence. */
export function emptyFileMessage(name: string): string {
  return `"${name}" is empty (0 bytes), so it cannot serve as evidence. Check that the file was saved completely, then add it again. Nothing was added.`;
}

/** Says the limit and where it is changed. */
export function tooLargeMessage(name: string, size: number, cap: number): string {
  return `"${name}" is ${formatBytes(size)}, over the limit of ${formatBytes(cap)} for one evidence file. To add it, raise "Largest evidence file" in Settings → Preferences. Nothing was added.`;
}

export async function addFiles(db: WorkbookDb, files: IncomingFile[], options: AddFilesOptions = {}): Promise<AddFilesOutcome> {
  if (files.length === 0) return { status: 'added', evidence: [] };
  // Every way of adding a file (picking, attaching from a requirement, dropping) ends here, so no path stores an empty one.
  const empty = files.find((f) => f.blob.size === 0);
  if (empty) throw new WorkbookError(emptyFileMessage(empty.name), 'invalid');
  const [{ evidenceSizeCap }, classification] = await Promise.all([readSettings(db), defaultMarking(db)]);
  const tooLarge = files.find((f) => f.blob.size > evidenceSizeCap);
  if (tooLarge) throw new WorkbookError(tooLargeMessage(tooLarge.name, tooLarge.blob.size, evidenceSizeCap), 'invalid');
  const total = files.reduce((n, f) => n + f.blob.size, 0);
  const hasher = options.hasher ?? hashBlobHere;
  const hashes: string[] = [];
  let done = 0;
  for (const file of files) {
    hashes.push(await hasher(file.blob, (bytes) => options.onProgress?.(done + bytes, total)));
    done += file.blob.size;
  }

  const mode = options.duplicates ?? 'ask';
  return mutate(
    db,
    async (m) => {
      const existing = await Promise.all(hashes.map((h) => db.evidence.where('sha256').equals(h).first()));
      if (mode === 'ask' && existing.some(Boolean)) {
        return {
          status: 'duplicates' as const,
          duplicates: files.flatMap((f, i) => (existing[i] ? [{ file: f.name, existing: existing[i]! }] : [])),
        };
      }
      const fresh = files.map((f, i) => ({ file: f, sha256: hashes[i]!, existing: mode === 'link-existing' ? existing[i] : undefined }));
      const numbers = await allocateNumbers(db, fresh.filter((f) => !f.existing).length);
      const at = nowIso();
      const result: Evidence[] = [];
      for (const item of fresh) {
        if (item.existing) {
          result.push(item.existing);
        } else {
          if (!(await db.blobs.get(item.sha256)))
            await db.blobs.add({ sha256: item.sha256, blob: item.file.blob, size: item.file.blob.size });
          const number = numbers.shift()!;
          const record = checked({
            id: formatEvidenceId(number),
            number,
            title: item.file.name,
            kind: 'file',
            fileName: item.file.name,
            mediaType: item.file.type || 'application/octet-stream',
            size: item.file.blob.size,
            sha256: item.sha256,
            owner: '',
            classification: options.classification ?? classification,
            createdAt: at,
            updatedAt: at,
          });
          await db.evidence.add(record);
          m.log('evidence', record.id, { op: 'create', after: record });
          result.push(record);
        }
        if (options.link) await link(db, m, result.at(-1)!.id, options.link);
      }
      return { status: 'added' as const, evidence: result };
    },
    { addsBytes: total },
  );
}

async function addRecord(
  db: WorkbookDb,
  kind: 'link' | 'note',
  fields: z.output<typeof newEvidence> & Pick<Evidence, 'location' | 'note'>,
  ref?: ResponseRef,
): Promise<Evidence> {
  return mutate(db, async (m) => {
    const [number] = await allocateNumbers(db, 1);
    const at = nowIso();
    const record = checked(
      { ...named(fields), id: formatEvidenceId(number!), number: number!, kind, createdAt: at, updatedAt: at },
      asKind(kind),
    );
    await db.evidence.add(record);
    m.log('evidence', record.id, { op: 'create', after: record });
    if (ref) await link(db, m, record.id, ref);
    return record;
  });
}

/** The marking new evidence gets unless the user gives one: the organization's classification. */
async function defaultMarking(db: WorkbookDb): Promise<string> {
  return (await db.organization.get('organization'))?.classification ?? '';
}

async function withDefaultMarking<T extends { classification?: string }>(db: WorkbookDb, input: T): Promise<T> {
  return input.classification === undefined ? { ...input, classification: await defaultMarking(db) } : input;
}

/** A document held elsewhere (URL, path, document number). The app never opens or fetches it. */
export async function addLink(db: WorkbookDb, input: z.input<typeof newLinkEvidence>, ref?: ResponseRef): Promise<Evidence> {
  return addRecord(db, 'link', parseOrRefuse(newLinkEvidence, await withDefaultMarking(db, input), asKind('link')), ref);
}

export async function addNote(db: WorkbookDb, input: z.input<typeof newNoteEvidence>, ref?: ResponseRef): Promise<Evidence> {
  return addRecord(db, 'note', parseOrRefuse(newNoteEvidence, await withDefaultMarking(db, input), asKind('note')), ref);
}

export async function updateEvidence(db: WorkbookDb, id: string, patch: EvidenceMetadataPatch): Promise<Evidence> {
  const data = named(parseOrRefuse(evidencePatch, patch, EVIDENCE));
  return mutate(db, async (m) => {
    const before = await db.evidence.get(id);
    if (!before) throw new WorkbookError(`${id} no longer exists.`, 'not-found');
    if (Object.keys(data).length === 0) return before;
    const after = checked({ ...before, ...data, updatedAt: nowIso() });
    await db.evidence.put(after);
    m.log('evidence', id, { op: 'update', before, after });
    return after;
  });
}

export async function linkEvidence(db: WorkbookDb, evidenceId: string, ref: ResponseRef): Promise<void> {
  await mutate(db, async (m) => {
    if (!(await db.evidence.get(evidenceId))) throw new WorkbookError(`${evidenceId} no longer exists.`, 'not-found');
    await link(db, m, evidenceId, ref);
  });
}

/** Links many evidence records to one requirement in one transaction: all of them or none. */
export async function linkEvidenceMany(db: WorkbookDb, evidenceIds: readonly string[], ref: ResponseRef): Promise<void> {
  await mutate(db, async (m) => {
    for (const evidenceId of evidenceIds) {
      if (!(await db.evidence.get(evidenceId))) throw new WorkbookError(`${evidenceId} no longer exists.`, 'not-found');
      await link(db, m, evidenceId, ref);
    }
  });
}

export async function unlinkEvidence(db: WorkbookDb, evidenceId: string, ref: ResponseRef): Promise<void> {
  await mutate(db, async (m) => {
    const key: [string, string, string] = [evidenceId, ref.assessmentId, ref.requirementId];
    const before = await db.links.get(key);
    if (!before) return;
    await db.links.delete(key);
    m.log('link', key.join('|'), { op: 'delete', before });
  });
}

export async function linksOf(db: WorkbookDb, evidenceId: string): Promise<EvidenceLink[]> {
  return db.links.where('evidenceId').equals(evidenceId).toArray();
}

/** What a deletion removed, kept so that Undo can put it back exactly. */
export interface DeletedEvidence {
  record: Evidence;
  links: EvidenceLink[];
  blob?: Blob;
}

/**
 * Deletes an evidence record. While responses link it, deletion is refused unless the caller has
 * confirmed unlinking it everywhere. The bytes go too when no other record shares them.
 */
export async function deleteEvidence(
  db: WorkbookDb,
  id: string,
  options: { unlinkEverywhere?: boolean } = {},
): Promise<DeletedEvidence | undefined> {
  return mutate(db, async (m) => {
    const before = await db.evidence.get(id);
    if (!before) return undefined;
    const links = await db.links.where('evidenceId').equals(id).toArray();
    if (links.length > 0 && !options.unlinkEverywhere) {
      throw new WorkbookError(
        `${id} is linked to ${links.length} requirement${links.length > 1 ? 's' : ''}; unlink it first or confirm removing it everywhere.`,
        'conflict',
      );
    }
    for (const l of links) {
      await db.links.delete([l.evidenceId, l.assessmentId, l.requirementId]);
      m.log('link', [l.evidenceId, l.assessmentId, l.requirementId].join('|'), { op: 'delete', before: l });
    }
    await db.evidence.delete(id);
    const blob = before.sha256 ? (await db.blobs.get(before.sha256))?.blob : undefined;
    if (before.sha256 && (await db.evidence.where('sha256').equals(before.sha256).count()) === 0) await db.blobs.delete(before.sha256);
    m.log('evidence', id, { op: 'delete', before });
    return { record: before, links, ...(blob ? { blob } : {}) };
  });
}

/** Puts back what deleteEvidence removed (Undo), under the same EV ID. */
export async function restoreEvidence(db: WorkbookDb, deleted: DeletedEvidence): Promise<void> {
  const record = checked(deleted.record);
  const links = deleted.links.map((l) => parseOrRefuse(evidenceLinkSchema, l, LINK));
  const { blob } = deleted;
  await mutate(db, async (m) => {
    if (await db.evidence.get(record.id)) return;
    if (record.sha256 && blob && !(await db.blobs.get(record.sha256))) await db.blobs.add({ sha256: record.sha256, blob, size: blob.size });
    await db.evidence.add(record);
    m.log('evidence', record.id, { op: 'create', after: record });
    for (const l of links) {
      if (!(await db.assessments.get(l.assessmentId))) continue;
      await db.links.put(l);
      m.log('link', [l.evidenceId, l.assessmentId, l.requirementId].join('|'), { op: 'create', after: l });
    }
  });
}

export async function evidenceBlob(db: WorkbookDb, sha256: string): Promise<Blob | undefined> {
  return (await db.blobs.get(sha256))?.blob;
}
