// `npm run test:security-mutations`: proves the security checks notice each weakening in
// scripts/securityMutationList.mjs. The Electron code is copied once to a temporary folder; there each
// mutation is applied alone, the checks run, and the file is restored. The checks are the unit tests of
// src/main, src/preload and src/shared (vitest with the repo's config), the security rules of
// eslint.config.js on the mutated file, and Electronegativity (scripts/electronegativity.mjs) on the copy's
// Electron code.
// The unmutated copy must pass them all first. Exits non-zero unless every mutation is caught.
// Usage: node scripts/securityMutations.mjs [name filter]   (KEEP_MUTATION_COPY=1 keeps the copy)
import path from 'node:path';
import { ESLint } from 'eslint';
import { SECURITY_RULE_IDS } from '../eslint.security.js';
import { runMutations, runProcess, vitest } from './mutationEngine.mjs';
import { MUTATIONS } from './securityMutationList.mjs';

const TEST_DIRS = ['src/main', 'src/preload', 'src/shared'];

async function electronegativity(copy) {
  // The Electron code and the page carrying the CSP, scanned as one app (the renderer's code is not Electron's).
  const app = [...TEST_DIRS, 'src/renderer/index.html'].join('+');
  const { code, output } = await runProcess([path.join(copy, 'scripts/electronegativity.mjs'), app], copy);
  if (code === 0) return { failed: false };
  const ids = [
    ...new Set([...output.matchAll(/^FAIL (?:(unreviewed suppression)|\S+ (\w+))/gm)].map((m) => (m[1] ? 'eng-disable' : m[2]))),
  ];
  return { failed: true, detail: ids.join(' ') || 'error', output };
}

async function eslint(linter, copy, files) {
  const results = await linter.lintFiles(files.map((f) => path.join(copy, f)));
  const problems = results.flatMap((r) =>
    r.messages
      .filter((m) => m.fatal || (m.severity === 2 && SECURITY_RULE_IDS.includes(m.ruleId)))
      .map((m) => ({ file: path.relative(copy, r.filePath), rule: m.fatal ? 'parse error' : m.ruleId, message: m.message, line: m.line })),
  );
  if (problems.length === 0) return { failed: false };
  return {
    failed: true,
    detail: [...new Set(problems.map((p) => p.rule))].join(' '),
    output: problems.map((p) => `${p.file}:${p.line} ${p.rule}: ${p.message}`).join('\n'),
  };
}

await runMutations({
  title: 'Security',
  mutations: MUTATIONS,
  filter: process.argv[2],
  files: { pattern: /^src\/(main|preload|shared)\//, what: 'Electron code' },
  copied: ['src', 'scripts', 'package.json', 'vitest.config.ts', 'eslint.config.js', 'eslint.security.js'],
  linked: ['node_modules', 'content'],
  checks: (copy) => {
    const linter = new ESLint({ cwd: copy });
    return async (mutation) => {
      // The whole Electron code unmutated; then the mutated file alone.
      const lintTargets = mutation ? [mutation.file] : TEST_DIRS;
      const [unit, eneg, lint] = await Promise.all([vitest(copy, TEST_DIRS), electronegativity(copy), eslint(linter, copy, lintTargets)]);
      return { vitest: unit, eslint: lint, electronegativity: eneg };
    };
  },
  missedAdvice: 'Add the missing guard to the checks.',
});
