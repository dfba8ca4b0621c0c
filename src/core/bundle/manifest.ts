/**
 * manifest-sha256.txt: one `<sha256>  <path>` line per file, the format `sha256sum -c` checks. Parsed
 * strictly: a bundle's manifest must list every other file exactly once and nothing else.
 */
import { SHA256_HEX } from '../hashing/sha256';
import { sha256Manifest } from '../package/evidencePackage';
import { printableName } from './entryNames';
import { BUNDLE_LIMITS, BUNDLE_PATHS } from './format';

export function manifestText(files: ReadonlyMap<string, string>): string {
  return sha256Manifest([...files].map(([path, sha256]) => ({ path, sha256, size: 0 })));
}

/** The listed hash of each path, or the first problem with the text. */
export function parseManifest(text: string): Map<string, string> | { problem: string } {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length > BUNDLE_LIMITS.entries) return { problem: 'the manifest lists more files than a bundle may hold' };
  const listed = new Map<string, string>();
  for (const [i, line] of lines.entries()) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!match || !SHA256_HEX.test(match[1]!)) return { problem: `line ${i + 1} of the manifest is not "<sha256>  <path>"` };
    const path = match[2]!;
    if (path === BUNDLE_PATHS.manifest) return { problem: 'the manifest lists itself' };
    if (listed.has(path)) return { problem: `the manifest lists ${printableName(path)} twice` };
    listed.set(path, match[1]!);
  }
  return listed;
}

/** Every file present is listed with the hash its bytes have, and every listed file is present. */
export function checkManifest(listed: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): string | null {
  for (const [path, sha256] of actual) {
    if (path === BUNDLE_PATHS.manifest) continue;
    const expected = listed.get(path);
    if (expected === undefined) return `${printableName(path)} is not in the manifest`;
    if (expected !== sha256) return `${printableName(path)} does not match the manifest: its bytes were changed`;
  }
  for (const path of listed.keys()) {
    if (!actual.has(path)) return `the manifest lists ${printableName(path)}, which is not in the bundle`;
  }
  return null;
}
