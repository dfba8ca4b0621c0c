// `npm run test:security-mutations`: proves the security checks notice each weakening in
// scripts/securityMutationList.mjs. The Electron code is copied once to a temporary folder; there each
// mutation is applied alone, the checks run, and the file is restored. The checks are the unit tests of
// src/main, src/preload and src/shared (vitest with the repo's config), the security rules of
// eslint.config.js on the mutated file, and Electronegativity (scripts/electronegativity.mjs) on the copy's
// Electron code.
// The unmutated copy must pass them all first. Exits non-zero unless every mutation is caught.
// Usage: node scripts/securityMutations.mjs [name filter]   (KEEP_MUTATION_COPY=1 keeps the copy)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { SECURITY_RULE_IDS } from '../eslint.security.js';
import { MUTATIONS } from './securityMutationList.mjs';

const root = path.resolve(import.meta.dirname, '..');
const started = performance.now();
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

const TEST_DIRS = ['src/main', 'src/preload', 'src/shared'];
const COPIED = ['src', 'scripts', 'package.json', 'vitest.config.ts', 'eslint.config.js', 'eslint.security.js'];
const LINKED = ['node_modules', 'content'];

/** Applies the edits in order; each search must occur exactly once, or the mutation has rotted. */
function mutate(text, mutation) {
  if (!/^src\/(main|preload|shared)\//.test(mutation.file)) throw new Error(`"${mutation.name}": ${mutation.file} is not Electron code.`);
  let result = text;
  for (const [search, replace] of mutation.edits) {
    const count = result.split(search).length - 1;
    if (count !== 1) throw new Error(`"${mutation.name}": ${JSON.stringify(search)} occurs ${count} times in ${mutation.file}, not once.`);
    result = result.replace(search, () => replace);
  }
  return result;
}

function makeCopy() {
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-mutations-'));
  for (const entry of COPIED) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  for (const entry of LINKED)
    if (existsSync(path.join(root, entry))) symlinkSync(path.join(root, entry), path.join(dir, entry), 'junction');
  for (const config of readdirSync(root).filter((f) => /^tsconfig.*\.json$/.test(f)))
    cpSync(path.join(root, config), path.join(dir, config));
  return dir;
}

// Run from a vitest test (test/integration), the checks must not think they are inside that run.
const checkEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
const running = new Set();
function runProcess(args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...checkEnv, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    running.add(child);
    child.on('close', (code) => {
      running.delete(child);
      resolve({ code, output });
    });
  });
}

async function vitest(copy) {
  const report = path.join(copy, '.vitest-report.json');
  rmSync(report, { force: true });
  const vitestBin = path.join(root, 'node_modules/vitest/vitest.mjs');
  const config = path.join(copy, 'vitest.config.ts');
  const { code, output } = await runProcess(
    [vitestBin, 'run', '--root', copy, '--config', config, '--reporter=json', `--outputFile=${report}`, ...TEST_DIRS],
    copy,
  );
  if (code === 0) return { failed: false };
  let failing = [];
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    failing = json.testResults
      .filter((file) => file.status !== 'passed')
      .map((file) => `${path.relative(path.join(copy, 'src'), file.name)}${file.assertionResults.length === 0 ? ' (load failed)' : ''}`);
  } catch {
    failing = ['no report'];
  }
  return { failed: true, detail: failing.join(' '), output };
}

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

async function runChecks(linter, copy, lintTargets) {
  const since = performance.now();
  const [unit, eneg, lint] = await Promise.all([vitest(copy), electronegativity(copy), eslint(linter, copy, lintTargets)]);
  return { checks: { vitest: unit, eslint: lint, electronegativity: eneg }, time: seconds(since) };
}

const filter = process.argv[2];
const selected = filter ? MUTATIONS.filter((m) => m.name.toLowerCase().includes(filter.toLowerCase())) : MUTATIONS;
const copy = makeCopy();
const exit = (code) => {
  if (process.env.KEEP_MUTATION_COPY) console.log(`Copy kept at ${copy}`);
  else rmSync(copy, { recursive: true, force: true });
  process.exit(code);
};
// Stopped (a CI timeout, Ctrl-C): stop the checks still running and remove the copy.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) child.kill('SIGTERM');
    console.error(`Stopped by ${signal}.`);
    exit(1);
  });
}

// Every mutation must still apply to today's code.
const rotted = [];
for (const mutation of MUTATIONS) {
  try {
    mutate(readFileSync(path.join(copy, mutation.file), 'utf8'), mutation);
  } catch (error) {
    rotted.push(error.message);
  }
}
if (rotted.length > 0) {
  console.error(`These mutations no longer apply; update them to the code as it is now:\n${rotted.join('\n')}`);
  exit(2);
}

const linter = new ESLint({ cwd: copy });
console.log(`Security mutation run: ${selected.length} mutation(s) on a copy in ${copy}`);
const baseline = await runChecks(linter, copy, TEST_DIRS);
const baselineFailures = Object.entries(baseline.checks).filter(([, r]) => r.failed);
if (baselineFailures.length > 0) {
  for (const [name, result] of baselineFailures)
    console.error(`--- ${name} fails on the unmutated code: ${result.detail}\n${result.output}`);
  console.error('The checks must pass on the unmutated code, or "caught" means nothing.');
  exit(1);
}
console.log(`Unmutated code: all checks pass (${baseline.time}s).`);

const rows = [];
for (const mutation of selected) {
  const file = path.join(copy, mutation.file);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, mutate(original, mutation));
  try {
    const { checks, time } = await runChecks(linter, copy, [mutation.file]);
    const caughtBy = Object.entries(checks)
      .filter(([, r]) => r.failed)
      .map(([name, r]) => `${name} (${r.detail})`);
    rows.push({ mutation, caughtBy, time });
    console.log(`${caughtBy.length > 0 ? 'caught ' : 'MISSED '} ${mutation.name} (${time}s)`);
  } finally {
    writeFileSync(file, original);
  }
}

const width = Math.max(...rows.map((r) => r.mutation.name.length), 8);
console.log(`\n${'mutation'.padEnd(width)}  ${'file'.padEnd(22)}  caught by`);
for (const { mutation, caughtBy } of rows) {
  console.log(`${mutation.name.padEnd(width)}  ${mutation.file.padEnd(22)}  ${caughtBy.join('; ') || 'NOT CAUGHT'}`);
}
const missed = rows.filter((r) => r.caughtBy.length === 0);
console.log(`\n${rows.length - missed.length}/${rows.length} mutations caught; total ${seconds(started)}s.`);
if (missed.length > 0) {
  console.error(`Not caught: ${missed.map((r) => r.mutation.name).join(', ')}. Add the missing guard to the checks.`);
  exit(1);
}
exit(0);
