/** The informative crosswalk from one edition's requirements to another's, validated against both. */
import { z } from 'zod';
import { CATALOGUE_FORMAT, CATALOGUE_UPGRADES, upgradeDocument } from './format';
import type { CatalogueIndex } from './lookup';
import { describeIssues } from './problems';
import type { Catalogue, SourceFile } from './types';
import { parseYaml } from './yamlText';

export interface Crosswalk {
  id: string;
  version: string;
  from: string;
  to: string;
  notice: string;
  /** An entry with no targets says the source has no counterpart; its note gives the reason. */
  entries: { from: string; to: string[]; note: string }[];
}

const crosswalkSchema = z.strictObject({
  format: z.number(),
  id: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0'),
  from: z.string().min(1),
  to: z.string().min(1),
  notice: z.string().trim().min(1, 'must not be empty'),
  entries: z
    .array(
      z.strictObject({
        from: z.string().min(1),
        // Empty when the source has no counterpart: the note then has to say why.
        to: z.array(z.string().min(1)),
        note: z.string().trim().min(1, 'must give the reason for the mapping'),
      }),
    )
    .min(1),
});

export type CrosswalkOutcome = { ok: true; crosswalk: Crosswalk } | { ok: false; errors: string[] };

export function loadCrosswalk(file: SourceFile, from: CatalogueIndex, to: CatalogueIndex): CrosswalkOutcome {
  const parsed = parseYaml(file.name, file.text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const upgraded = upgradeDocument(parsed.value, CATALOGUE_FORMAT, CATALOGUE_UPGRADES);
  if (!upgraded.ok) return { ok: false, errors: [`${file.name}: ${upgraded.error}`] };
  const result = crosswalkSchema.safeParse(upgraded.document);
  if (!result.success) return { ok: false, errors: describeIssues(file.name, upgraded.document, result.error.issues) };
  const { format: _format, ...crosswalk } = result.data;
  const errors: string[] = [];
  if (crosswalk.from !== from.catalogue.id) errors.push(`${file.name}: from names ${crosswalk.from}, expected ${from.catalogue.id}`);
  if (crosswalk.to !== to.catalogue.id) errors.push(`${file.name}: to names ${crosswalk.to}, expected ${to.catalogue.id}`);
  const seen = new Set<string>();
  for (const entry of crosswalk.entries) {
    if (!from.requirement(entry.from)) errors.push(`${file.name}: ${entry.from}: not in ${from.catalogue.id}`);
    if (seen.has(entry.from)) errors.push(`${file.name}: ${entry.from}: mapped twice`);
    seen.add(entry.from);
    for (const target of entry.to) {
      if (!to.requirement(target)) errors.push(`${file.name}: ${entry.from}: target ${target} is not in ${to.catalogue.id}`);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, crosswalk };
}

/** The 2024 requirements a 2010 element maps to (empty when it has no entry). */
export function targetsOf(crosswalk: Crosswalk, fromId: string): string[] {
  return crosswalk.entries.find((e) => e.from === fromId)?.to ?? [];
}

/** The source elements that map to a requirement of the newer edition, in crosswalk order. */
export function sourcesOf(crosswalk: Crosswalk, toId: string): string[] {
  return crosswalk.entries.filter((e) => e.to.includes(toId)).map((e) => e.from);
}

/**
 * The requirements of the newer catalogue that no element of the older one maps to: new in that edition.
 * Computed from the crosswalk each time, never stored per requirement, so the two cannot drift apart.
 */
export function newIn2024(crosswalk: Crosswalk, catalogue: Catalogue): string[] {
  const targets = new Set(crosswalk.entries.flatMap((e) => e.to));
  return catalogue.spes.flatMap((s) => s.elements.flatMap((e) => e.requirements.map((r) => r.id))).filter((id) => !targets.has(id));
}

export interface CrosswalkCoverage {
  /** Older elements the crosswalk does not mention at all: a gap in the crosswalk. */
  unlisted: string[];
  /** Older elements listed with no counterpart, with the reason given. */
  noCounterpart: { from: string; reason: string }[];
  /** Newer requirements no older element maps to. */
  newRequirements: string[];
}

/** How completely the crosswalk accounts for both editions. */
export function crosswalkCoverage(crosswalk: Crosswalk, from: Catalogue, to: Catalogue): CrosswalkCoverage {
  const listed = new Set(crosswalk.entries.map((e) => e.from));
  const fromIds = from.spes.flatMap((s) => s.elements.flatMap((e) => e.requirements.map((r) => r.id)));
  return {
    unlisted: fromIds.filter((id) => !listed.has(id)),
    noCounterpart: crosswalk.entries.filter((e) => e.to.length === 0).map((e) => ({ from: e.from, reason: e.note })),
    newRequirements: newIn2024(crosswalk, to),
  };
}
