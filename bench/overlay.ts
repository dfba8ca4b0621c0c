// Licensed-text import bench: how long the parser takes to refuse hostile files (2.5 million columns,
// a 200,000-character line) and to read a normal file with one row per requirement of the 2024 catalogue.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONTENT_DIR, loadCatalogueDir } from '../src/cli/content';
import { indexCatalogue } from '../src/core/catalogue/lookup';
import { parseOverlay } from '../src/core/catalogue/overlay';

const runs = Number(process.env.RUNS ?? 5);
const index = indexCatalogue(loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024')));
const ids = new Set(index.requirements.map((r) => r.id));
const wording = (id: string) => `The asset owner shall ${'establish, document and maintain the practice named in '.repeat(8)}${id}.`;

const normalCsv = `id,text,title\n${index.requirements.map((r) => `${r.id},"${wording(r.id)}",${r.title.replace(/[",]/g, ' ')}`).join('\n')}\n`;
const normalJson = JSON.stringify(index.requirements.map((r) => ({ id: r.id, text: wording(r.id), title: r.title })));
const cases: [string, string, string][] = [
  ['2.5 million columns (5 MB, one line)', 'wide.csv', `id,text${',x'.repeat(2_495_000)}\n`],
  ['2.5 million columns, just over 5 MB', 'wider.csv', `id,text${',x'.repeat(2_500_000)}`],
  ['one 200,000-character line', 'long.csv', `id,text\nNET 1.1,${'a'.repeat(200_000)}\n`],
  [
    'largest file within every cap (2,000 rows)',
    'full.csv',
    `id,text\n${Array.from({ length: 2_000 }, (_, i) => `X ${i},"${'word, '.repeat(415)}"`).join('\n')}\n`,
  ],
  [`normal CSV, ${ids.size} rows`, 'licensed.csv', normalCsv],
  [`normal JSON, ${ids.size} entries`, 'licensed.json', normalJson],
];

for (const [label, name, text] of cases) {
  const times: number[] = [];
  let outcome = parseOverlay(name, text, ids);
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    outcome = parseOverlay(name, text, ids);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const result = outcome.ok
    ? `imported ${outcome.value.entries.length} entries`
    : `refused in ${outcome.errors.join(' ').length} characters: ${outcome.errors.join(' ')}`;
  console.log(`${label.padEnd(44)} median ${times[times.length >> 1]!.toFixed(1).padStart(7)} ms  ${result}`);
}
