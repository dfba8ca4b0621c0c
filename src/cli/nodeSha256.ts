/** SHA-256 from Node's own crypto for the bundle code: several times faster than the WebAssembly default. */
import { createHash } from 'node:crypto';
import type { Sha256Factory } from '../core/hashing/sha256';

export const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return Promise.resolve({ update: (data) => void hash.update(data), digestHex: () => hash.digest('hex') });
};
