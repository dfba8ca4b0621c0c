/**
 * `csms package <bundle>`: the evidence package of one assessment, as the app exports it: the documents,
 * every evidence file as evidence/EV-0001_<safe name>, the change log with README.txt on checking it,
 * manifest.json and manifest-sha256.txt. The zip is
 * written a file at a time through a temporary file; evidence is streamed from where reading the bundle
 * kept it, and hashed again as it is packed.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { writeZip, type FileToWrite } from '../core/bundle/zip';
import { buildDocument, documentFileName, DOCUMENT_KINDS, packDocument } from '../core/documents/build';
import { exportFileName } from '../core/format/fileName';
import { sha256Hex } from '../core/hashing/sha256';
import type { VerifiedBundle } from '../core/bundle/bundle';
import { changeLogPackageFiles, evidencePath, packageManifest, sha256Manifest, type PackedFile } from '../core/package/evidencePackage';
import type { WorkbookSnapshot } from '../core/snapshot/snapshot';
import { DOCUMENT_FLAGS, parseArgs } from './args';
import { bytesSource, lazyFileSource, writeFileThrough, type EvidenceStore, type FileSource } from './bundleFiles';
import { isBundleFile, noteUnvouched, withBundle } from './bundleInput';
import { chooseAssessment, snapshotFromBundle } from './bundleSnapshot';
import { appInfo } from './demo';
import { InputError } from './errors';
import { documentOptions, parseKinds } from './report';
import { nodeSha256 } from './nodeSha256';

function target(snapshot: WorkbookSnapshot, out: string | undefined): string {
  const name = exportFileName(snapshot.assessment.name, 'evidence-package', 'zip');
  let folder = false;
  try {
    folder = out !== undefined && statSync(out).isDirectory();
  } catch {
    // Not there yet: a file name.
  }
  if (out === undefined || folder) return path.join(out ?? '.', name);
  if (!/\.zip$/i.test(out)) throw new InputError(`package: --out ${out}: the file name must end in .zip`);
  return out;
}

/** The files of the package in order, with the lines of its manifest; evidence read from the kept copies. */
function packageFiles(
  snapshot: WorkbookSnapshot,
  documents: { name: string; bytes: Uint8Array }[],
  evidence: EvidenceStore,
  bundle: VerifiedBundle,
) {
  const packed: PackedFile[] = [];
  const files: FileToWrite[] = [];
  const sources: FileSource[] = [];
  for (const doc of documents) {
    const sha256 = sha256Hex(doc.bytes);
    packed.push({ path: doc.name, sha256, size: doc.bytes.length });
    files.push({ path: doc.name, source: bytesSource(doc.bytes), sha256 });
  }
  const evidenceFiles = new Map<string, PackedFile>();
  for (const e of snapshot.evidence) {
    if (e.kind !== 'file') continue;
    const kept = evidence.path(e.sha256!);
    // Core checked every file record against the bundle's files before the records were believed.
    if (!kept) throw new Error(`${e.id}: its file was not kept while the bundle was read`);
    const file: PackedFile = { path: evidencePath(e), sha256: e.sha256!, size: evidence.files.get(e.sha256!)! };
    const source = lazyFileSource(kept, file.size);
    sources.push(source);
    files.push({ path: file.path, source, sha256: file.sha256 });
    evidenceFiles.set(e.id, file);
    packed.push(file);
  }
  const logFiles = changeLogPackageFiles({
    records: bundle.records,
    log: bundle.log,
    assessmentId: snapshot.assessment.id,
    generatedAt: snapshot.generatedAt,
    documents: documents.map((d) => d.name),
    evidenceFiles: evidenceFiles.size,
  });
  for (const file of logFiles) {
    const bytes = new TextEncoder().encode(file.text);
    packed.push({ path: file.path, sha256: sha256Hex(bytes), size: bytes.length });
    files.push({ path: file.path, text: file.text });
  }
  const manifest = packageManifest(snapshot, packed.slice(0, documents.length), evidenceFiles);
  packed.push({ path: 'manifest.json', sha256: sha256Hex(manifest), size: new TextEncoder().encode(manifest).length });
  files.push({ path: 'manifest.json', text: manifest }, { path: 'manifest-sha256.txt', text: sha256Manifest(packed) });
  return { files, sources, evidenceCount: evidenceFiles.size };
}

export async function runPackage(argv: readonly string[], stdout: (text: string) => void): Promise<void> {
  const args = parseArgs('package', argv, DOCUMENT_FLAGS);
  const [input, ...extra] = args.positionals;
  if (input === undefined) throw new InputError('package: name the bundle file, e.g. csms package workbook.csmsx --out evidence.zip');
  if (extra.length) throw new InputError(`package: unexpected argument ${extra[0]} (one bundle at a time)`);
  if (!isBundleFile(input))
    throw new InputError(`package: ${input}: a snapshot file carries no evidence files; give a workbook bundle (.csmsx)`);
  const chosen = parseKinds(args.values.get('doc'));
  const kinds = chosen === 'all' ? DOCUMENT_KINDS : chosen;
  const refusal = (problem: string) => `${input} is not a valid bundle: ${problem}`;
  await withBundle(input, { keep: true, refusal }, async ({ bundle, evidence }) => {
    const assessment = chooseAssessment(bundle.records, input, args.values.get('assessment'), 'package');
    noteUnvouched(input, bundle.logProblem);
    const includeLicensedText = args.switches.has('licensed-text');
    const snapshot = snapshotFromBundle(bundle, assessment, { file: input, command: 'package', includeLicensedText, app: appInfo() });
    const options = documentOptions(snapshot, args.switches, args.values.get('marking'), 'package', args.values.get('revision'));
    const out = target(snapshot, args.values.get('out'));
    const documents = [];
    for (const kind of kinds)
      documents.push({ name: documentFileName(snapshot, kind), bytes: await packDocument(buildDocument(snapshot, kind, options)) });
    const { files, sources, evidenceCount } = packageFiles(snapshot, documents, evidence, bundle);
    try {
      await writeFileThrough(out, (sink) => writeZip(sink, files, undefined, nodeSha256));
    } finally {
      await Promise.all(sources.map((s) => s.close()));
    }
    const docs = `${documents.length} document${documents.length === 1 ? '' : 's'}`;
    stdout(
      `Wrote ${out} (${docs}, ${evidenceCount} evidence file${evidenceCount === 1 ? '' : 's'}, the change log, manifest.json, manifest-sha256.txt)\n`,
    );
  });
}
