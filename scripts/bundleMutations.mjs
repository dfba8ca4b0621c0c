// `npm run test:bundle-mutations`: proves the bundle tests notice each weakening in
// scripts/bundleMutationList.mjs of the guards that read a bundle (.csmsx) as hostile input. The code is
// copied once to a temporary folder (test/fixtures with it, so the hostile bundles are made by the copy's
// own code); there each mutation is applied alone, the checks run, and the file is restored. The check is
// the unit tests of src/core/bundle, src/core/audit and src/renderer/db/bundle (vitest with the repo's
// config), the 43 hostile bundles of test/fixtures/hostile among them; and the review file's and the review
// copy's guards, with the tests of src/core/review and src/renderer/db/bundle.
// The unmutated copy must pass them first. Exits non-zero unless every mutation is caught.
// Usage: node scripts/bundleMutations.mjs [name filter]   (KEEP_MUTATION_COPY=1 keeps the copy)
import { runMutations, vitest } from './mutationEngine.mjs';
import { MUTATIONS } from './bundleMutationList.mjs';

const TEST_DIRS = ['src/core/bundle', 'src/core/audit', 'src/core/review', 'src/renderer/db/bundle'];

await runMutations({
  title: 'Bundle',
  mutations: MUTATIONS,
  filter: process.argv[2],
  // The guards, never their tests.
  files: {
    pattern: /^src\/(core\/bundle\/|core\/audit\/|core\/review\/|renderer\/db\/bundle\/|renderer\/db\/writeGuard\.ts$)(?![^/]*\.test\.ts$)/,
    what: 'bundle or review guard code',
  },
  copied: ['src', 'test/fixtures', 'scripts', 'package.json', 'vitest.config.ts'],
  linked: ['node_modules', 'content'],
  checks: (copy) => async () => ({ vitest: await vitest(copy, TEST_DIRS) }),
  missedAdvice: 'Add the test that catches it.',
});
