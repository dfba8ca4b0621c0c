// The engine of the mutation runs (scripts/securityMutations.mjs, scripts/bundleMutations.mjs): the code
// is copied once to a temporary folder; there the checks must pass on the unmutated code, then each
// mutation is applied alone, the checks run, and the file is restored. A mutation is caught when at least
// one check fails on it. Exits non-zero unless every selected mutation is caught, or when a mutation no
// longer applies to the code as it is now. KEEP_MUTATION_COPY=1 keeps the copy.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** @typedef {{ name: string, file: string, edits: [search: string, replace: string][] }} Mutation */
/** @typedef {{ failed: false } | { failed: true, detail: string, output: string }} CheckResult */

export const root = path.resolve(import.meta.dirname, '..');
export const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);

/**
 * Applies the edits in order; each search must occur exactly once, or the mutation has rotted.
 * @param {string} text
 * @param {Mutation} mutation
 * @param {{ pattern: RegExp, what: string }} files the files mutations may touch, and what they are called
 */
export function mutate(text, mutation, files) {
  if (!files.pattern.test(mutation.file)) throw new Error(`"${mutation.name}": ${mutation.file} is not ${files.what}.`);
  let result = text;
  for (const [search, replace] of mutation.edits) {
    const count = result.split(search).length - 1;
    if (count !== 1) throw new Error(`"${mutation.name}": ${JSON.stringify(search)} occurs ${count} times in ${mutation.file}, not once.`);
    result = result.replace(search, () => replace);
  }
  return result;
}

/** The repo's tsconfig files, plus what is copied (so imports resolve inside the copy) and what is linked. */
function makeCopy(copied, linked) {
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-mutations-'));
  for (const entry of copied) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  for (const entry of linked)
    if (existsSync(path.join(root, entry))) symlinkSync(path.join(root, entry), path.join(dir, entry), 'junction');
  for (const config of readdirSync(root).filter((f) => /^tsconfig.*\.json$/.test(f)))
    cpSync(path.join(root, config), path.join(dir, config));
  return dir;
}

// Run from a vitest test (test/integration), the checks must not think they are inside that run.
const checkEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
const running = new Set();

/** Runs node with the arguments; resolves with the exit code and the output, stdout and stderr together. */
export function runProcess(args, cwd) {
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

/**
 * The unit tests of the given folders, run in the copy with the repo's vitest config.
 * @returns {Promise<CheckResult>} the detail names the failing test files
 */
export async function vitest(copy, testDirs) {
  const report = path.join(copy, '.vitest-report.json');
  rmSync(report, { force: true });
  const vitestBin = path.join(root, 'node_modules/vitest/vitest.mjs');
  const config = path.join(copy, 'vitest.config.ts');
  const { code, output } = await runProcess(
    [vitestBin, 'run', '--root', copy, '--config', config, '--reporter=json', `--outputFile=${report}`, ...testDirs],
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

/**
 * Runs every selected mutation and prints which checks caught it; exits the process.
 * @param {object} run
 * @param {string} run.title the first words of the run's first line ("Security" → "Security mutation run: …")
 * @param {Mutation[]} run.mutations all of them: each must still apply, even when a filter selects a few
 * @param {string | undefined} run.filter only the mutations whose name holds this (any case)
 * @param {{ pattern: RegExp, what: string }} run.files the files mutations may touch
 * @param {string[]} run.copied files and folders copied into the copy
 * @param {string[]} run.linked folders linked from the copy (read, never mutated)
 * @param {(copy: string) => (mutation: Mutation | null) => Promise<Record<string, CheckResult>>} run.checks
 *   given the copy, the checks to run on it: on the unmutated code (null), then with each mutation applied
 * @param {string} run.missedAdvice the last words when a mutation was not caught
 */
export async function runMutations(run) {
  const started = performance.now();
  const selected = run.filter ? run.mutations.filter((m) => m.name.toLowerCase().includes(run.filter.toLowerCase())) : run.mutations;
  const copy = makeCopy(run.copied, run.linked);
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
  for (const mutation of run.mutations) {
    try {
      mutate(readFileSync(path.join(copy, mutation.file), 'utf8'), mutation, run.files);
    } catch (error) {
      rotted.push(error.message);
    }
  }
  if (rotted.length > 0) {
    console.error(`These mutations no longer apply; update them to the code as it is now:\n${rotted.join('\n')}`);
    exit(2);
  }

  const checks = run.checks(copy);
  const runChecks = async (mutation) => {
    const since = performance.now();
    return { checks: await checks(mutation), time: seconds(since) };
  };

  console.log(`${run.title} mutation run: ${selected.length} mutation(s) on a copy in ${copy}`);
  const baseline = await runChecks(null);
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
    writeFileSync(file, mutate(original, mutation, run.files));
    try {
      const { checks: results, time } = await runChecks(mutation);
      const caughtBy = Object.entries(results)
        .filter(([, r]) => r.failed)
        .map(([name, r]) => `${name} (${r.detail})`);
      rows.push({ mutation, caughtBy, time });
      console.log(`${caughtBy.length > 0 ? 'caught ' : 'MISSED '} ${mutation.name} (${time}s)`);
    } finally {
      writeFileSync(file, original);
    }
  }

  const width = Math.max(...rows.map((r) => r.mutation.name.length), 8);
  const fileWidth = Math.max(...rows.map((r) => r.mutation.file.length), 22);
  console.log(`\n${'mutation'.padEnd(width)}  ${'file'.padEnd(fileWidth)}  caught by`);
  for (const { mutation, caughtBy } of rows) {
    console.log(`${mutation.name.padEnd(width)}  ${mutation.file.padEnd(fileWidth)}  ${caughtBy.join('; ') || 'NOT CAUGHT'}`);
  }
  const missed = rows.filter((r) => r.caughtBy.length === 0);
  console.log(`\n${rows.length - missed.length}/${rows.length} mutations caught; total ${seconds(started)}s.`);
  if (missed.length > 0) {
    console.error(`Not caught: ${missed.map((r) => r.mutation.name).join(', ')}. ${run.missedAdvice}`);
    exit(1);
  }
  exit(0);
}
