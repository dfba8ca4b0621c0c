/** The maturity levels as this app explains them (our words, after the 62443 series' ML1–ML4). */
import type { MaturityLevel } from './model';

export interface LevelInfo {
  level: MaturityLevel;
  label: string;
  name: string;
  description: string;
}

export const LEVELS: readonly LevelInfo[] = [
  { level: 0, label: 'ML0', name: 'Not implemented', description: 'No practice is in place.' },
  { level: 1, label: 'ML1', name: 'Initial', description: 'Done ad hoc, often undocumented, and dependent on particular people.' },
  { level: 2, label: 'ML2', name: 'Managed', description: 'Documented procedures and trained staff make it repeatable for this system.' },
  {
    level: 3,
    label: 'ML3',
    name: 'Defined (practiced)',
    description: 'Performed consistently across the organization, with records that prove it.',
  },
  { level: 4, label: 'ML4', name: 'Improving', description: 'Measured, reviewed and improved continuously.' },
];

export function levelInfo(level: MaturityLevel): LevelInfo {
  return LEVELS[level]!;
}

/** ML0 is ours, not the standard's: its scale runs ML1–ML4, and the app needs a value for "nothing in place". */
export const ML0_ADDITION = 'this app’s addition to the standard’s ML1–ML4';

/** Printed wherever a document gives the level scale. */
export const SCALE_NOTE =
  'ML0 Not implemented is this app’s own addition, recording that no practice is in place; the standard’s scale is ML1 to ML4.';
