/**
 * Format versions of content files. A file of an older format is upgraded step by step on load;
 * a file of a newer format is refused, because reading it as if it were ours could misread it.
 */

export const CATALOGUE_FORMAT = 1;

/** Upgrades a document of format n to format n + 1, keyed by n. */
export type Upgrades = Record<number, (document: Record<string, unknown>) => Record<string, unknown>>;

/** No older catalogue format exists yet; upgrades for format 1 → 2 will be added here. */
export const CATALOGUE_UPGRADES: Upgrades = {};

export type UpgradeOutcome = { ok: true; document: Record<string, unknown> } | { ok: false; error: string };

export function upgradeDocument(document: unknown, current: number, upgrades: Upgrades): UpgradeOutcome {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { ok: false, error: 'the file is not a mapping of fields' };
  }
  let doc = document as Record<string, unknown>;
  const format = doc.format;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) {
    return { ok: false, error: 'format must be a whole number from 1' };
  }
  if (format > current) {
    return { ok: false, error: `format ${format} is newer than this app reads (${current}): update CSMS Workbook to open it` };
  }
  for (let version = format; version < current; version += 1) {
    const step = upgrades[version];
    if (!step) return { ok: false, error: `format ${version} can no longer be upgraded` };
    doc = { ...step(doc), format: version + 1 };
  }
  return { ok: true, document: doc };
}
