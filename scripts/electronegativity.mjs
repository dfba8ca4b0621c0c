// `npm run lint:security`: Electronegativity over the sources and the built main/preload code.
// It exits 0 whatever it finds, so this script reads its result and fails on any HIGH or MEDIUM
// finding of CERTAIN or FIRM confidence.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

// The tool fetches translations from the internet at start; this project works offline, so the
// fetch is answered with an immediate failure (the tool then uses its bundled English texts).
const gotPath = require.resolve('got', { paths: [path.dirname(require.resolve('@doyensec/electronegativity'))] });
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: () => Promise.reject(new Error('offline')) };

const run = require('@doyensec/electronegativity');
const inputs = (process.argv.length > 2 ? process.argv.slice(2) : ['src']).map((p) => path.resolve(root, p)).filter((p) => existsSync(p));
const failing = [];
const errors = [];
let total = 0;

const quiet = console.log;
for (const input of inputs) {
  console.log = () => {};
  let result;
  try {
    result = await run({ input, isRelative: true, parserPlugins: [], electronVersionOverride: '39.8.10' });
  } finally {
    console.log = quiet;
  }
  total += result.issues.length;
  errors.push(...result.errors.map((e) => `${path.relative(root, input)}/${e.file ?? ''}: ${e.message ?? e.error ?? 'parse error'}`));
  for (const issue of result.issues) {
    const serious = ['HIGH', 'MEDIUM'].includes(issue.severity.name) && ['CERTAIN', 'FIRM'].includes(issue.confidence.name);
    const line = `${issue.severity.name}/${issue.confidence.name} ${issue.id} ${path.relative(root, input)}/${issue.file}:${issue.location?.line ?? '?'} ${issue.description ?? ''}`;
    console.log(`${serious ? 'FAIL' : 'note'} ${line}`);
    if (serious) failing.push(line);
  }
}

if (errors.length) console.log(`Electronegativity could not parse ${errors.length} file(s):\n${errors.join('\n')}`);
console.log(
  `Electronegativity: ${total} finding(s) in ${inputs.map((i) => path.relative(root, i)).join(', ')}; ${failing.length} HIGH/MEDIUM with CERTAIN/FIRM confidence.`,
);
if (failing.length > 0 || errors.length > 0) process.exit(1);
