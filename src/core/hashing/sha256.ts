/**
 * SHA-256 in two forms. Small values (audit entries) are hashed synchronously with @noble/hashes, so
 * hashing never awaits inside a database transaction. Files are hashed incrementally with hash-wasm,
 * a chunk at a time, so a large file is never held in memory whole.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { createSHA256 } from 'hash-wasm';

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(data: Uint8Array | string): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

/** Hashes a stream of chunks; onProgress gets the bytes hashed so far. */
export async function sha256OfChunks(chunks: AsyncIterable<Uint8Array>, onProgress?: (bytes: number) => void): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  let done = 0;
  for await (const chunk of chunks) {
    hasher.update(chunk);
    done += chunk.byteLength;
    onProgress?.(done);
  }
  return hasher.digest('hex');
}

/** A SHA-256 fed a piece at a time. */
export interface IncrementalSha256 {
  update(data: Uint8Array): void;
  digestHex(): string;
}

/**
 * Makes a fresh incremental SHA-256. The default runs everywhere (WebAssembly); the command line passes
 * Node's own, several times faster, where gigabytes of evidence are hashed.
 */
export type Sha256Factory = () => Promise<IncrementalSha256>;

export const wasmSha256: Sha256Factory = async () => {
  const hasher = await createSHA256();
  hasher.init();
  return { update: (data) => void hasher.update(data), digestHex: () => hasher.digest('hex') };
};
