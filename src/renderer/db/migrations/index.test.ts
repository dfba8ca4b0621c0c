import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hashing/sha256';
import { MIGRATIONS } from './index';
import pins from './pins.json';

describe('schema versions', () => {
  it('only grow: one file per version, numbered 1, 2, 3 … with no gaps', () => {
    const files = Object.keys(import.meta.glob('./v*.ts'))
      .filter((f) => /^\.\/v\d+\.ts$/.test(f))
      .map((f) => Number(f.slice(3, -3)))
      .sort((a, b) => a - b);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(files);
    expect(files).toEqual(files.map((_, i) => i + 1));
  });
});

const FOLDER = 'src/renderer/db/migrations';

/** What is wrong between the migration files (name → SHA-256 of their bytes) and their pins. */
function pinProblems(files: Record<string, string>, pinned: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, hash] of Object.entries(files)) {
    const pin = pinned[file];
    if (pin === undefined) {
      problems.push(
        `${FOLDER}/${file} has no pin. If it is a NEW migration (in no release yet), pin it by adding this line to ${FOLDER}/pins.json: "${file}": "${hash}"`,
      );
    } else if (pin !== hash) {
      problems.push(
        `${FOLDER}/${file} was changed after release: its SHA-256 is ${hash}, pinned ${pin}. Users' databases were built by it ` +
          `and the app would no longer open them as they are: restore it (git checkout -- ${FOLDER}/${file}) and make the ` +
          `change in a new version file. Only if ${file} is in no release yet, update its pin to "${hash}".`,
      );
    }
  }
  for (const file of Object.keys(pinned)) {
    if (!(file in files)) problems.push(`${FOLDER}/pins.json pins ${file}, which is gone: a released migration is never removed.`);
  }
  return problems;
}

describe('released migrations are frozen', () => {
  it('match their pins byte for byte, and every migration file has a pin', () => {
    // The files' text as checked out (.gitattributes keeps git from converting line ends), read by the
    // bundler rather than the file system so that this test runs where the renderer's code runs.
    const sources = import.meta.glob<string>('./v*.ts', { query: '?raw', import: 'default', eager: true });
    const files = Object.fromEntries(
      Object.entries(sources)
        .filter(([f]) => /^\.\/v\d+\.ts$/.test(f))
        .map(([f, text]) => [f.slice(2), sha256Hex(text)]),
    );
    expect(Object.keys(files)).toContain('v1.ts');
    expect(pinProblems(files, pins).join('\n')).toBe('');
  });

  it('name the file that changed, the file without a pin, and the pin whose file is gone', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    expect(pinProblems({ 'v1.ts': a }, { 'v1.ts': a })).toEqual([]);
    const [changed] = pinProblems({ 'v1.ts': b }, { 'v1.ts': a });
    expect(changed).toContain(`${FOLDER}/v1.ts was changed after release: its SHA-256 is ${b}, pinned ${a}`);
    const [unpinned] = pinProblems({ 'v1.ts': a, 'v2.ts': b }, { 'v1.ts': a });
    expect(unpinned).toContain(`${FOLDER}/v2.ts has no pin`);
    expect(unpinned).toContain(`"v2.ts": "${b}"`);
    expect(pinProblems({}, { 'v1.ts': a })).toEqual([
      `${FOLDER}/pins.json pins v1.ts, which is gone: a released migration is never removed.`,
    ]);
  });
});
