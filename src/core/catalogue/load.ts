/**
 * Loads a catalogue from its manifest and SPE files: parse, upgrade, validate against the schema,
 * then check what a schema cannot (unique IDs, every requirement under its own element and SPE).
 * Returns every problem found, each naming its file and place, or the catalogue.
 */
import { CATALOGUE_FORMAT, CATALOGUE_UPGRADES, upgradeDocument } from './format';
import { checkGuidance, checkMappings } from './guidanceRules';
import { describeIssues } from './problems';
import { manifestSchema, speFileSchema, type SpeFile } from './schema';
import type { Catalogue, SourceFile, Spe } from './types';
import { parseYaml } from './yamlText';

export type LoadOutcome = { ok: true; catalogue: Catalogue } | { ok: false; errors: string[] };

export const MANIFEST_NAME = 'catalogue.yaml';

function readDocument(file: SourceFile, errors: string[]): Record<string, unknown> | null {
  const parsed = parseYaml(file.name, file.text);
  if (!parsed.ok) {
    errors.push(parsed.error);
    return null;
  }
  const upgraded = upgradeDocument(parsed.value, CATALOGUE_FORMAT, CATALOGUE_UPGRADES);
  if (!upgraded.ok) {
    errors.push(`${file.name}: ${upgraded.error}`);
    return null;
  }
  return upgraded.document;
}

/** An element belongs to its SPE when its ID starts with the SPE's ID or clause: "NET 1" in NET, "4.3.2" in 4.3. */
function elementBelongs(elementId: string, spe: SpeFile['spe']): boolean {
  if (elementId.startsWith(`${spe.id} `)) return true;
  return spe.clause !== undefined && (elementId === spe.clause || elementId.startsWith(`${spe.clause}.`));
}

function toSpe(file: string, source: SpeFile['spe'], errors: string[]): Spe {
  return {
    number: source.number,
    id: source.id,
    title: source.title,
    summary: source.summary,
    ...(source.clause !== undefined ? { clause: source.clause } : {}),
    elements: source.elements.map((element) => {
      if (!elementBelongs(element.id, source)) {
        errors.push(`${file}: ${element.id}: element is filed under ${source.id}, which its ID does not belong to`);
      }
      return {
        id: element.id,
        title: element.title,
        summary: element.summary,
        speId: source.id,
        requirements: element.requirements.map((r) => {
          if (!r.id.startsWith(`${element.id}.`)) {
            errors.push(`${file}: ${r.id}: requirement is filed under element ${element.id}, which its ID does not belong to`);
          }
          return { ...r, titleDoubtful: r.titleDoubtful ?? false, elementId: element.id, speId: source.id };
        }),
      };
    }),
  };
}

function checkUnique(catalogue: Catalogue, errors: string[]): void {
  const seen = new Map<string, string>();
  const claim = (id: string, what: string) => {
    const earlier = seen.get(id);
    if (earlier) errors.push(`${catalogue.id}: ${id}: duplicate ID (${what}, already used by a ${earlier})`);
    else seen.set(id, what);
  };
  const numbers = new Set<number>();
  for (const spe of catalogue.spes) {
    claim(spe.id, 'program element');
    if (numbers.has(spe.number)) errors.push(`${catalogue.id}: ${spe.id}: number ${spe.number} is used twice`);
    numbers.add(spe.number);
    for (const element of spe.elements) {
      claim(element.id, 'element');
      for (const requirement of element.requirements) claim(requirement.id, 'requirement');
    }
  }
}

export function loadCatalogue(manifestFile: SourceFile, files: readonly SourceFile[]): LoadOutcome {
  const errors: string[] = [];
  const rawManifest = readDocument(manifestFile, errors);
  if (!rawManifest) return { ok: false, errors };
  const manifest = manifestSchema.safeParse(rawManifest);
  if (!manifest.success) return { ok: false, errors: describeIssues(manifestFile.name, rawManifest, manifest.error.issues) };

  const byName = new Map(files.map((f) => [f.name, f]));
  const spes: Spe[] = [];
  for (const name of manifest.data.files) {
    const file = byName.get(name);
    if (!file) {
      errors.push(`${manifestFile.name}: files lists ${name}, which is missing`);
      continue;
    }
    const raw = readDocument(file, errors);
    if (!raw) continue;
    const parsed = speFileSchema.safeParse(raw);
    if (!parsed.success) errors.push(...describeIssues(file.name, raw, parsed.error.issues));
    else spes.push(toSpe(file.name, parsed.data.spe, errors));
  }
  const { format: _format, files: _files, strictGuidance, ...header } = manifest.data;
  const catalogue: Catalogue = { ...header, spes: spes.sort((a, b) => a.number - b.number) };
  if (errors.length === 0) checkUnique(catalogue, errors);
  if (errors.length === 0) checkMappings(catalogue, errors);
  if (errors.length === 0 && strictGuidance) checkGuidance(catalogue, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, catalogue };
}
