// `npm run lint:security`: Electronegativity over the sources (src) and, when `npm run build:electron` has made
// them, the built out/main and out/preload with the page they load, scanned together as one application.
// The tool skips .cjs files and judges navigation, permission and CSP guards across a whole app, so several
// paths are scanned as one by staging copies in a temporary folder (the built .cjs files as .js).
// Arguments replace the default: each is a path, or paths joined with `+` to scan as one app.
// It exits 0 whatever it finds, so this script reads its result and fails on any HIGH or MEDIUM finding of
// CERTAIN or FIRM confidence, and on any eng-disable suppression not listed in REVIEWED_ENG_DISABLE.
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REVIEWED_ENG_DISABLE } from '../eslint.security.js';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

// The tool fetches translations from the internet at start; this project works offline, so the
// fetch is answered with an immediate failure (the tool then uses its bundled English texts).
const gotPath = require.resolve('got', { paths: [path.dirname(require.resolve('@doyensec/electronegativity'))] });
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: () => Promise.reject(new Error('offline')) };

const staged = [];
/** Copies the given repo paths (to their names in the app, relative too) into one temporary folder. */
function stage(copies, label) {
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-eng-'));
  staged.push(dir);
  for (const [from, to] of copies) {
    mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    if (statSync(path.join(root, from)).isDirectory()) cpSync(path.join(root, from), path.join(dir, to), { recursive: true });
    else copyFileSync(path.join(root, from), path.join(dir, to));
  }
  return { dir, base: dir, label };
}

function input(arg) {
  const parts = arg.split('+');
  const missing = parts.filter((p) => !existsSync(path.resolve(root, p)));
  if (missing.length > 0) throw new Error(`Nothing to scan at ${missing.join(', ')}.`);
  if (parts.length === 1)
    return { dir: path.resolve(root, parts[0]), base: root, label: path.relative(root, path.resolve(root, parts[0])) || '.' };
  return stage(
    parts.map((p) => [p, path.relative(root, path.resolve(root, p))]),
    parts.join(' + '),
  );
}

/**
 * The bundler turns `new BrowserWindow(...)` into `new electron.BrowserWindow(...)`, and the tool's window
 * checks (sandbox, contextIsolation, nodeIntegration, webSecurity...) match the bare name only: without
 * this, the built window would not be checked at all. Member access on the required module becomes the name.
 */
function unwrapElectronRequire(code) {
  const names = [...code.matchAll(/\b(?:let|const|var)\s+([\w$]+)\s*=\s*require\(["']electron["']\)/g)].map((m) => m[1]);
  return names.reduce((text, name) => text.replace(new RegExp(`(?<![\\w$.])${name.replace('$', '\\$')}\\.(?=[A-Za-z_$])`, 'g'), ''), code);
}

/** The built main and preload as the tool can read them, with the page whose meta tag carries the CSP. */
function builtApp() {
  const code = ['out/main/index.cjs', 'out/preload/index.cjs'];
  if (!code.every((p) => existsSync(path.join(root, p)))) return null;
  // The built page when the renderer is built too; otherwise its source (vite keeps the meta tag as written).
  const page = ['out/renderer/index.html', 'src/renderer/index.html'].find((p) => existsSync(path.join(root, p)));
  const app = stage(page ? [[page, 'out/renderer/index.html']] : [], `built out/main + out/preload${page ? ` + ${page}` : ''}`);
  app.built = true;
  for (const file of code) {
    mkdirSync(path.join(app.dir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(app.dir, file.replace(/\.cjs$/, '.js')), unwrapElectronRequire(readFileSync(path.join(root, file), 'utf8')));
  }
  return app;
}

const SCANNED = /\.(js|jsx|ts|tsx|html|htm)$/i;
function* scannedFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* scannedFiles(full);
    else if (SCANNED.test(entry.name)) yield full;
  }
}

/** Reviewed suppressions seen in the sources, by check: the built code may carry as many of those findings. */
const reviewedInSource = new Map();

/** Suppressions the tool would honour (a comment on the line, or on the first line for the whole file). */
function unreviewedSuppressions({ dir, base, built }) {
  const found = [];
  for (const file of statSync(dir).isDirectory() ? scannedFiles(dir) : [dir]) {
    const relative = path.relative(base, file).replaceAll('\\', '/');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const match = /eng-disable([ \t\w,]*)/i.exec(text);
        if (!match) return;
        const checks = match[1]
          .trim()
          .split(/[\s,]+/)
          .filter(Boolean);
        const reviewed = REVIEWED_ENG_DISABLE.some(
          (r) => relative === r.file && checks.length > 0 && checks.every((c) => r.checks.includes(c)),
        );
        if (reviewed && !built) for (const c of checks) reviewedInSource.set(c, (reviewedInSource.get(c) ?? 0) + 1);
        if (!reviewed) found.push(`${relative}:${index + 1} eng-disable ${checks.join(' ') || '(no check named)'}`);
      });
  }
  return found;
}

const run = require('@doyensec/electronegativity');
const failing = [];
const errors = [];
let total = 0;
const quiet = console.log;
let inputs = [];
try {
  inputs = (process.argv.length > 2 ? process.argv.slice(2).map(input) : [input('src'), builtApp()]).filter(Boolean);
  for (const app of inputs) {
    console.log = () => {};
    let result;
    try {
      result = await run({ input: app.dir, isRelative: true, parserPlugins: [], electronVersionOverride: '39.8.10' });
    } finally {
      console.log = quiet;
    }
    total += result.issues.length;
    errors.push(...result.errors.map((e) => `${app.label}: ${e.file ?? ''}: ${e.message ?? e.error ?? 'parse error'}`));
    const suppressions = unreviewedSuppressions(app);
    for (const issue of result.issues) {
      let serious = ['HIGH', 'MEDIUM'].includes(issue.severity.name) && ['CERTAIN', 'FIRM'].includes(issue.confidence.name);
      const line = `${issue.severity.name}/${issue.confidence.name} ${issue.id} ${app.label}: ${issue.file}:${issue.location?.line ?? '?'} ${issue.description ?? ''}`;
      // The bundler drops comments: a finding reviewed by an eng-disable in the sources shows up again in the build.
      const reviewed = serious && app.built && (reviewedInSource.get(issue.id) ?? 0) > 0;
      if (reviewed) {
        reviewedInSource.set(issue.id, reviewedInSource.get(issue.id) - 1);
        serious = false;
      }
      console.log(`${serious ? 'FAIL' : reviewed ? 'reviewed in the sources' : 'note'} ${line}`);
      if (serious) failing.push(line);
    }
    for (const line of suppressions) {
      console.log(`FAIL unreviewed suppression ${app.label}: ${line}`);
      failing.push(line);
    }
  }
} finally {
  for (const dir of staged) rmSync(dir, { recursive: true, force: true });
}

if (errors.length) console.log(`Electronegativity could not parse ${errors.length} file(s):\n${errors.join('\n')}`);
console.log(
  `Electronegativity: ${total} finding(s) in ${inputs.map((i) => i.label).join('; ') || 'nothing'}; ${failing.length} failing (HIGH/MEDIUM with CERTAIN/FIRM confidence, or an unreviewed eng-disable).`,
);
if (failing.length > 0 || errors.length > 0) process.exit(1);
