/**
 * What the loader checks in the guidance beyond the schema. Always: a doubtful SR is one of the SRs
 * it doubts. For a catalogue with strictGuidance: every requirement has criteria for ML1–ML4; no
 * criterion sentence is shared between two requirements (a copied sentence is not specific); and the
 * guidance never says "must" or "shall", which would read as the standard's own wording.
 */
import type { Catalogue, CriteriaLevel, Requirement } from './types';

const LEVELS: readonly CriteriaLevel[] = ['ML1', 'ML2', 'ML3', 'ML4'];
const NORMATIVE = /\b(must|shall)\b/i;
const HEDGE = /\bjudging by the title\b/i;

function requirements(catalogue: Catalogue): Requirement[] {
  return catalogue.spes.flatMap((s) => s.elements.flatMap((e) => e.requirements));
}

export function checkMappings(catalogue: Catalogue, errors: string[]): void {
  for (const r of requirements(catalogue)) {
    for (const sr of r.mappings.iec62443_3_3Doubtful ?? []) {
      if (!r.mappings.iec62443_3_3.includes(sr))
        errors.push(`${catalogue.id}: ${r.id}: ${sr} is flagged doubtful but is not among its 62443-3-3 SRs`);
    }
  }
}

/** A sentence compared without case, spacing or final punctuation. */
const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.\s]+$/, '')
    .trim();

export function checkGuidance(catalogue: Catalogue, errors: string[]): void {
  const sentences = new Map<string, string>();
  for (const r of requirements(catalogue)) {
    const where = `${catalogue.id}: ${r.id}`;
    if (!r.levels) {
      errors.push(`${where}: has no criteria per maturity level (levels: ML1 to ML4)`);
      continue;
    }
    for (const level of LEVELS) {
      const key = normal(r.levels[level].practice);
      const other = sentences.get(key);
      if (other && other !== r.id)
        errors.push(`${where}: the ${level} criterion is the same sentence as one of ${other}; write one specific to this requirement`);
      else sentences.set(key, r.id);
    }
    const texts: [string, string][] = [
      ['intent', r.intent],
      ...LEVELS.map((l): [string, string] => [`${l} criterion`, r.levels![l].practice]),
    ];
    for (const [what, text] of texts) {
      const word = NORMATIVE.exec(text)?.[0];
      if (word)
        errors.push(
          `${where}: the ${what} says "${word}", which reads as the standard's requirement; guidance describes, it does not require`,
        );
      if (HEDGE.test(text))
        errors.push(`${where}: the ${what} hedges in the text; put the doubt in readingDoubt with the alternative readings`);
    }
  }
}
