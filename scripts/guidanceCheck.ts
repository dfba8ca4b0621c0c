// `npx tsx scripts/guidanceCheck.ts [ID prefix…]`: the 2024 catalogue checked with the strict guidance
// rules (criteria per level, no shared sentences, no "must"/"shall"), whatever its manifest says, with
// problems shown only for requirement IDs starting with one of the prefixes given (all when none).
import path from 'node:path';
import { CONTENT_DIR, readCatalogueDir } from '../src/cli/content';
import { loadCatalogue } from '../src/core/catalogue/load';

const prefixes = process.argv.slice(2);
const { manifest, files } = readCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024'));
const strict = {
  ...manifest,
  text: manifest.text.includes('strictGuidance:') ? manifest.text : `${manifest.text.trimEnd()}\nstrictGuidance: true\n`,
};
const outcome = loadCatalogue(strict, files);
const errors = outcome.ok ? [] : outcome.errors.filter((e) => prefixes.length === 0 || prefixes.some((p) => e.includes(`: ${p}`)));
for (const e of errors) console.log(e);
console.log(errors.length === 0 ? 'No problems.' : `${errors.length} problem(s).`);
process.exitCode = errors.length === 0 ? 0 : 1;
