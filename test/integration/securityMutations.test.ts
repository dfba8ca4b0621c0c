import { describe, expect, it } from 'vitest';
import { runMutationScript } from './mutationRun';
import { PROBE_TIMEOUT_MS } from './timeouts';

/**
 * The whole mutation run: ~40 times the unit tests of the Electron code, ESLint and Electronegativity. A few
 * minutes on two idle cores; several times that beside a browser test or a build, which is slow, not broken.
 */
const MUTATION_RUN_TIMEOUT_MS = 20 * 60_000;

describe('npm run test:security-mutations', () => {
  it(
    'catches every weakening of the Electron security guards',
    async () => {
      const { code, output } = await runMutationScript('scripts/securityMutations.mjs', MUTATION_RUN_TIMEOUT_MS);
      // The output holds the table: which mutation went unnoticed, or why the run could not start.
      expect(code, output).toBe(0);
      expect(output).toContain('Unmutated code: all checks pass');
      expect(output).toMatch(/\b(\d+)\/\1 mutations caught/);
    },
    MUTATION_RUN_TIMEOUT_MS + PROBE_TIMEOUT_MS,
  );
});
