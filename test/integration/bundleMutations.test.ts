import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBE_TIMEOUT_MS } from './timeouts';

const root = path.resolve(import.meta.dirname, '../..');
/**
 * The whole mutation run: some thirty times the unit tests of src/core/bundle, src/core/audit and
 * src/renderer/db/bundle, the hostile bundles among them. Ten minutes or so on two idle cores; several
 * times that beside a browser test or a build, which is slow, not broken.
 */
const MUTATION_RUN_TIMEOUT_MS = 50 * 60_000;

function runMutations(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/bundleMutations.mjs'], { cwd: root, timeout: MUTATION_RUN_TIMEOUT_MS });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code, signal) =>
      resolve({ code, output: signal ? `${output}\nStopped by ${signal} after ${MUTATION_RUN_TIMEOUT_MS} ms.` : output }),
    );
  });
}

describe('npm run test:bundle-mutations', () => {
  it(
    'catches every weakening of the guards that read a bundle',
    async () => {
      const { code, output } = await runMutations();
      // The output holds the table: which mutation went unnoticed, or why the run could not start.
      expect(code, output).toBe(0);
      expect(output).toContain('Unmutated code: all checks pass');
      expect(output).toMatch(/\b(\d+)\/\1 mutations caught/);
    },
    MUTATION_RUN_TIMEOUT_MS + PROBE_TIMEOUT_MS,
  );
});
