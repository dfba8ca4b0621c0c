/**
 * Reading and writing a bundle's archive with zip.js, wrapped with the bundle's own checks. Sources
 * and sinks are plain interfaces (a Blob in the browser, a file handle on Node), read and written a
 * piece at a time, so no file is ever held whole. Reading trusts nothing the archive declares: names
 * are checked before anything is read, and sizes and ratios are counted as the bytes come out.
 */
import { configure, Reader, Writer, ZipReader, ZipWriter, type Entry } from '@zip.js/zip.js';
import { concatBytes } from '../format/bytes';
import { wasmSha256, type IncrementalSha256, type Sha256Factory } from '../hashing/sha256';
import { classifyName, printableName, specialEntryProblem, type EntryKind } from './entryNames';
import { BUNDLE_LIMITS } from './format';

// Our own worker (or Node) already runs this off the UI thread; zip.js must not start workers of its
// own (the app's Content-Security-Policy would refuse them anyway).
configure({ useWebWorkers: false });

/** Random access to the bytes of a file. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

class SourceReader extends Reader<ByteSource> {
  constructor(private readonly source: ByteSource) {
    super(source);
    this.size = source.size;
  }
  override readUint8Array(index: number, length: number): Promise<Uint8Array> {
    return this.source.read(index, Math.max(0, Math.min(length, this.size - index)));
  }
}

class SinkWriter extends Writer<number> {
  constructor(private readonly sink: ByteSink) {
    super();
  }
  override async writeUint8Array(array: Uint8Array): Promise<void> {
    await this.sink.write(array);
  }
  override getData(): Promise<number> {
    return Promise.resolve(0);
  }
}

/** Hashes what it reads, which zip.js does front to back when it stores a file. */
class HashingReader extends Reader<ByteSource> {
  private next = 0;
  private hasher: IncrementalSha256 | null = null;
  constructor(
    private readonly source: ByteSource,
    private readonly sha256: Sha256Factory,
  ) {
    super(source);
    this.size = source.size;
  }
  override async init(): Promise<void> {
    await super.init?.();
    this.hasher = await this.sha256();
  }
  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    const bytes = await this.source.read(index, Math.max(0, Math.min(length, this.size - index)));
    if (index !== this.next) throw new BundleError('evidence was read out of order while packing');
    this.hasher!.update(bytes);
    this.next += bytes.byteLength;
    return bytes;
  }
  digest(): string {
    if (this.next !== this.size) throw new BundleError('evidence was not read to its end while packing');
    return this.hasher!.digestHex();
  }
}

export interface FileToWrite {
  path: string;
  /** Text files are compressed; evidence is stored as it is (most of it is compressed already). */
  text?: string;
  source?: ByteSource;
  /** For a source: the hash it must have; a stored file that no longer matches is not packed. */
  sha256?: string;
}

/** Writes the files as one zip into the sink, one file at a time. */
export async function writeZip(
  sink: ByteSink,
  files: readonly FileToWrite[],
  onFile?: (path: string, bytes: number) => void,
  sha256: Sha256Factory = wasmSha256,
): Promise<void> {
  const zip = new ZipWriter(new SinkWriter(sink), { useWebWorkers: false, keepOrder: true });
  const encoder = new TextEncoder();
  for (const file of files) {
    if (file.text !== undefined) {
      const bytes = encoder.encode(file.text);
      await zip.add(file.path, new SourceReader({ size: bytes.byteLength, read: (o, l) => Promise.resolve(bytes.subarray(o, o + l)) }), {
        level: 6,
      });
      onFile?.(file.path, bytes.byteLength);
    } else if (file.source) {
      const reader = new HashingReader(file.source, sha256);
      await zip.add(file.path, reader, { level: 0 });
      const actual = reader.digest();
      if (file.sha256 && actual !== file.sha256) {
        throw new BundleError(
          `the stored copy of ${file.path} no longer matches its hash (${actual.slice(0, 12)}… instead of ${file.sha256.slice(0, 12)}…)`,
        );
      }
      onFile?.(file.path, file.source.size);
    }
  }
  await zip.close();
}

/** What the caller does with an evidence file's bytes while they are checked (keep them, or count only). */
export interface EvidenceSink {
  write(chunk: Uint8Array): Promise<void>;
  /** Called once the bytes matched the name's hash. */
  done(): Promise<void>;
  /** Called when the file was refused; whatever was kept goes. */
  discard(): Promise<void>;
}

export interface ReadZipOptions {
  /**
   * Keeps (or just counts) one evidence file; called at most once per hash.
   * `storedAt`: where the file's bytes lie in the archive when it is stored uncompressed, so a caller
   * can keep a reference to that range of the (unchanging) source instead of a copy of the bytes.
   */
  evidence(sha256: string, size: number, storedAt: number | null): EvidenceSink;
  onProgress?(bytesRead: number, totalBytes: number): void;
  /** How to hash (default: WebAssembly, which runs everywhere). */
  sha256?: Sha256Factory;
}

export interface ZipContents {
  /** The four small files, decoded as text; absent when the archive lacks them. */
  texts: Partial<Record<Exclude<EntryKind, 'evidence'>, string>>;
  /** The SHA-256 of every file, by its path, as computed from the bytes. */
  hashes: Map<string, string>;
  /** Evidence files present and matching their names, with their sizes. */
  evidence: Map<string, number>;
}

const LOCAL_HEADER = 30;

function zipError(error: unknown, entryName?: string): BundleError {
  if (error instanceof BundleError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // zip.js refuses some unsafe names itself ("Unsafe filename"); say which name and why, as our own check would.
  const filename = (error as { filename?: unknown } | null)?.filename;
  if (typeof filename === 'string') {
    const named = classifyName(filename);
    if ('problem' in named) return new BundleError(named.problem);
  }
  const entry = entryName === undefined ? 'an entry' : `the entry "${printableName(entryName)}"`;
  if (/end of central directory|central directory|local file header|Zip64|bad format|format is not recognized/i.test(message)) {
    return new BundleError('it is not a complete zip archive (it may be truncated or not a bundle at all)');
  }
  if (/uncompressed size/i.test(message)) return new BundleError(`${entry} holds a different number of bytes than it declares`);
  if (/overlapping/i.test(message)) return new BundleError('two of its entries share the same bytes (an overlapping-entry archive)');
  if (/crc32|signature/i.test(message)) return new BundleError(`${entry} is damaged (its checksum does not match)`);
  if (/encrypt/i.test(message)) return new BundleError(`${entry} is encrypted`);
  if (/compression|compressed data/i.test(message))
    return new BundleError(`${entry} is compressed in a way bundles never are, or its compressed data is damaged`);
  return new BundleError(`it could not be read as a zip archive (${message.slice(0, 120)})`);
}

/** Checks every entry's name, type and declared sizes before any content is read. */
function checkEntries(entries: readonly Entry[], archiveBytes: number): void {
  const seen = new Set<string>();
  const spans: [number, number, string][] = [];
  for (const entry of entries) {
    const name = entry.filename;
    if (seen.has(name)) throw new BundleError(`the entry "${printableName(name)}" appears twice`);
    seen.add(name);
    const special = specialEntryProblem(name, entry.externalFileAttributes ?? 0, entry.symlink);
    if (special) throw new BundleError(special);
    if (entry.directory) throw new BundleError(`the entry "${printableName(name)}" is a folder; a bundle holds files only`);
    const kind = classifyName(name);
    if ('problem' in kind) throw new BundleError(kind.problem);
    if (entry.encrypted) throw new BundleError(`the entry "${printableName(name)}" is encrypted`);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new BundleError(`the entry "${printableName(name)}" uses a compression method bundles never use`);
    }
    if (entry.compressedSize > archiveBytes)
      throw new BundleError(`the entry "${printableName(name)}" claims more bytes than the archive has`);
    spans.push([entry.offset, entry.offset + LOCAL_HEADER + entry.compressedSize, name]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]![0] < spans[i - 1]![1]) throw new BundleError('two of its entries share the same bytes (an overlapping-entry archive)');
  }
}

function capFor(kind: EntryKind): number {
  switch (kind) {
    case 'header':
    case 'manifest':
      return BUNDLE_LIMITS.smallFileBytes;
    case 'records':
    case 'log':
      return BUNDLE_LIMITS.dataFileBytes;
    case 'evidence':
      return BUNDLE_LIMITS.evidenceBytes;
  }
}

/** Counts and hashes an entry's bytes as they come out, stopping at the first cap crossed. */
class CheckedWriter extends Writer<string> {
  private hasher: IncrementalSha256 | null = null;
  private parts: Uint8Array[] = [];
  count = 0;
  constructor(
    private readonly name: string,
    private readonly cap: number,
    private readonly ratioCap: number,
    private readonly total: { bytes: number },
    private readonly keep: 'text' | EvidenceSink,
    private readonly sha256: Sha256Factory,
  ) {
    super();
  }
  override async init(): Promise<void> {
    await super.init?.();
    this.hasher = await this.sha256();
  }
  override async writeUint8Array(chunk: Uint8Array): Promise<void> {
    // Counted here: zip.js keeps `size` itself, after the write.
    this.count += chunk.byteLength;
    this.total.bytes += chunk.byteLength;
    const shown = printableName(this.name);
    if (this.count > this.cap) throw new BundleError(`the entry "${shown}" is larger than ${this.cap.toLocaleString('en')} bytes`);
    if (this.count > this.ratioCap) throw new BundleError(`the entry "${shown}" expands far more than any real file (a compression bomb)`);
    if (this.total.bytes > BUNDLE_LIMITS.totalBytes) throw new BundleError('its files add up to more than a bundle may hold');
    this.hasher!.update(chunk);
    if (this.keep === 'text') this.parts.push(chunk.slice());
    else await this.keep.write(chunk);
  }
  override getData(): Promise<string> {
    return Promise.resolve(this.hasher!.digestHex());
  }
  text(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(concatBytes(this.parts));
  }
}

/** Where an entry's data starts: after its local header, whose name and extra field may differ from the central directory's. */
async function dataOffset(source: ByteSource, entry: Entry): Promise<number> {
  const header = await source.read(entry.offset, LOCAL_HEADER);
  if (header.byteLength < LOCAL_HEADER)
    throw new BundleError('it is not a complete zip archive (it may be truncated or not a bundle at all)');
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  return entry.offset + LOCAL_HEADER + view.getUint16(26, true) + view.getUint16(28, true);
}

/**
 * Reads an archive as a bundle: checks every entry, then reads each one, counting its bytes against
 * the caps and hashing them. Evidence files go to the caller's sinks and must match their names.
 * Throws a BundleError naming the first problem.
 */
export async function readZip(source: ByteSource, options: ReadZipOptions): Promise<ZipContents> {
  const reader = new ZipReader(new SourceReader(source), { useWebWorkers: false, checkOverlappingEntry: true, checkSignature: true });
  const entries: Entry[] = [];
  try {
    for await (const entry of reader.getEntriesGenerator()) {
      if (entries.length >= BUNDLE_LIMITS.entries)
        throw new BundleError(`it holds more than ${BUNDLE_LIMITS.entries.toLocaleString('en')} files`);
      entries.push(entry);
    }
  } catch (error) {
    throw zipError(error);
  }
  checkEntries(entries, source.size);

  const contents: ZipContents = { texts: {}, hashes: new Map(), evidence: new Map() };
  const total = { bytes: 0 };
  for (const entry of entries) {
    if (entry.directory) continue;
    const kind = classifyName(entry.filename) as { kind: EntryKind; sha256?: string };
    const stored = entry.compressionMethod === 0;
    // A stored entry cannot expand; a deflated one may, within reason.
    const ratioCap = stored ? entry.compressedSize : entry.compressedSize * BUNDLE_LIMITS.ratio + 1024 * 1024;
    const sink =
      kind.kind === 'evidence'
        ? options.evidence(kind.sha256!, entry.uncompressedSize, stored ? await dataOffset(source, entry) : null)
        : null;
    const writer = new CheckedWriter(entry.filename, capFor(kind.kind), ratioCap, total, sink ?? 'text', options.sha256 ?? wasmSha256);
    let hash: string;
    try {
      hash = await entry.getData!(writer, { useWebWorkers: false, checkOverlappingEntry: true, checkSignature: true });
    } catch (error) {
      await sink?.discard();
      throw zipError(error, entry.filename);
    }
    if (writer.count !== entry.uncompressedSize) {
      await sink?.discard();
      throw new BundleError(
        `the entry "${printableName(entry.filename)}" declares ${entry.uncompressedSize} bytes but holds ${writer.count}`,
      );
    }
    contents.hashes.set(entry.filename, hash);
    if (sink) {
      if (hash !== kind.sha256) {
        await sink.discard();
        throw new BundleError(`the evidence file ${entry.filename} does not match its SHA-256: its bytes were changed`);
      }
      await sink.done();
      contents.evidence.set(hash, writer.count);
    } else {
      try {
        contents.texts[kind.kind as Exclude<EntryKind, 'evidence'>] = writer.text();
      } catch {
        throw new BundleError(`${entry.filename} is not UTF-8 text`);
      }
    }
    options.onProgress?.(total.bytes, source.size);
  }
  await reader.close();
  return contents;
}
