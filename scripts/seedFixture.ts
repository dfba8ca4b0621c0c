/**
 * Writes a fixture of the workbook database as a release writes it: the sample workbook loaded into
 * fake-indexeddb by that release's own code, dumped raw (test/fixtures/db/dump.ts). Run it in a
 * checkout of the release, so the fixture holds what users' machines hold, never what today's code writes:
 *
 *   git worktree add /tmp/csms-release <release commit> && ln -s "$PWD/node_modules" /tmp/csms-release/
 *   cp scripts/seedFixture.ts /tmp/csms-release/scripts/ && cp -r test/fixtures/db /tmp/csms-release/test/fixtures/
 *   (cd /tmp/csms-release && npx tsx scripts/seedFixture.ts "$PWD/test/fixtures/db/release-<n>-sample.json")
 *   git worktree remove --force /tmp/csms-release
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { openWorkbook } from '../src/renderer/db/database';
import { LATEST_SCHEMA_VERSION } from '../src/renderer/db/migrations';
import { loadSampleWorkbook } from '../src/renderer/sample/loadSample';
import { dumpDatabase } from '../test/fixtures/db/dump';

// Local noon: the same calendar day in every time zone, so the sample's dates do not depend on where it ran.
const SAMPLE_DAY = new Date(2026, 4, 15, 12);

const output = process.argv[2] ?? `test/fixtures/db/release-${LATEST_SCHEMA_VERSION}-sample.json`;
const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();

const db = await openWorkbook('csms-workbook');
await loadSampleWorkbook(db, SAMPLE_DAY);
const dump = await dumpDatabase(db.backendDB(), {
  commit,
  schemaVersion: LATEST_SCHEMA_VERSION,
  sampleDay: '2026-05-15',
  generator: 'scripts/seedFixture.ts',
});
db.close();

const text = `${JSON.stringify(dump, null, 1)}\n`;
writeFileSync(output, text);
const counts = dump.stores.map((s) => `${s.name} ${s.records.length}`).join(', ');
console.log(`${output}: native version ${dump.nativeVersion}, ${(text.length / 1024).toFixed(0)} KiB; ${counts}`);
