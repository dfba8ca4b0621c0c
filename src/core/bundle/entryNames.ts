/**
 * Which names a bundle's archive may hold. Only our own four files and evidence/<sha256> are accepted,
 * but the hostile kinds of name get their own message, so a refused archive says what was wrong.
 */
import { SHA256_HEX } from '../hashing/sha256';
import { BUNDLE_LIMITS, BUNDLE_PATHS } from './format';

export const FIXED_NAMES: readonly string[] = [BUNDLE_PATHS.header, BUNDLE_PATHS.records, BUNDLE_PATHS.log, BUNDLE_PATHS.manifest];

/** Control characters, and the bidirectional controls that make a name display as something else. */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** A name safe to repeat in a message: unsafe characters shown as code points, length capped. */
export function printableName(name: string): string {
  const shown = name.replace(
    new RegExp(UNSAFE_CHARS.source, 'gu'),
    (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}

export type EntryKind = 'header' | 'records' | 'log' | 'manifest' | 'evidence';

/** The kind of file a name stands for, or why the name is refused. */
export function classifyName(name: string): { kind: EntryKind; sha256?: string } | { problem: string } {
  const shown = printableName(name);
  if (name.length === 0) return { problem: 'an entry has no name' };
  if (name.length > BUNDLE_LIMITS.nameChars) return { problem: `the entry name "${shown}" is too long` };
  if (UNSAFE_CHARS.test(name)) return { problem: `the entry name "${shown}" holds control or text-direction characters` };
  if (name.includes('\\')) return { problem: `the entry name "${shown}" uses backslashes` };
  if (name.startsWith('/')) return { problem: `the entry "${shown}" has an absolute path` };
  if (/^[A-Za-z]:/.test(name)) return { problem: `the entry "${shown}" names a drive` };
  if (name.split('/').some((part) => part === '..' || part === '.'))
    return { problem: `the entry "${shown}" points outside the bundle ("..")` };
  if (name.endsWith('/')) return { problem: `the entry "${shown}" is a folder; a bundle holds files only` };
  if (name === BUNDLE_PATHS.header) return { kind: 'header' };
  if (name === BUNDLE_PATHS.records) return { kind: 'records' };
  if (name === BUNDLE_PATHS.log) return { kind: 'log' };
  if (name === BUNDLE_PATHS.manifest) return { kind: 'manifest' };
  if (name.startsWith(BUNDLE_PATHS.evidenceDir)) {
    const rest = name.slice(BUNDLE_PATHS.evidenceDir.length);
    if (SHA256_HEX.test(rest)) return { kind: 'evidence', sha256: rest };
    return { problem: `the evidence entry "${shown}" is not named by its SHA-256` };
  }
  if (/\.(zip|csmsx|jar|7z|rar|gz|tgz|tar)$/i.test(name)) return { problem: `the entry "${shown}" is an archive inside the bundle` };
  return { problem: `the entry "${shown}" does not belong in a bundle` };
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** A symbolic link, device or other special entry (Unix mode in the upper half of the external attributes). */
export function specialEntryProblem(name: string, externalAttributes: number, symlink: boolean): string | null {
  const mode = (externalAttributes >>> 16) & S_IFMT;
  if (symlink || mode === 0o120000) return `the entry "${printableName(name)}" is a symbolic link`;
  // How Unix tools mark a folder entry: said as such, not as some other special file.
  if (mode === S_IFDIR) return `the entry "${printableName(name)}" is a folder; a bundle holds files only`;
  if (mode !== 0 && mode !== S_IFREG) return `the entry "${printableName(name)}" is not a regular file`;
  return null;
}
