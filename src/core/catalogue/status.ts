/**
 * How far a requirement's ID and title can be trusted, in words. The one place this wording lives:
 * the navigator, the requirement page and every document read it from here, so they never disagree.
 */
import type { Requirement } from './types';

export type CatalogueMark = 'unconfirmed' | 'element-level' | 'title-doubtful';

export interface MarkWording {
  /** A few words, shown beside the requirement and used as its accessible name. */
  label: string;
  /** One sentence saying what the mark means for the reader. */
  explanation: string;
}

/** In the order they are listed in keys and legends. */
export const CATALOGUE_MARKS: readonly CatalogueMark[] = ['unconfirmed', 'element-level', 'title-doubtful'];

export const MARK_WORDING: Record<CatalogueMark, MarkWording> = {
  unconfirmed: {
    label: 'ID unconfirmed',
    explanation: 'No public source confirms this requirement ID; check it against your copy of the standard.',
  },
  'element-level': {
    label: 'element-level only',
    explanation: 'Public sources confirm only the element this requirement belongs to, not the requirement ID itself.',
  },
  'title-doubtful': {
    label: 'title doubtful',
    explanation: 'The short title is a reference title that may differ from the wording of the standard.',
  },
};

/** The heading over the catalogue's own notice, in the app and in the documents. */
export const CATALOGUE_NOTICE_HEADING = 'About the requirement catalogue';
/** The same notice's summary line where it sits folded on the requirement page. */
export const CATALOGUE_NOTICE_SUMMARY = 'About these requirement IDs and titles';

/** The marks a requirement carries; none for a confirmed ID with a sure title. */
export function marksOf(requirement: Pick<Requirement, 'status' | 'titleDoubtful'>): CatalogueMark[] {
  const marks: CatalogueMark[] = [];
  if (requirement.status !== 'confirmed') marks.push(requirement.status);
  if (requirement.titleDoubtful) marks.push('title-doubtful');
  return marks;
}

/** "ID unconfirmed; title doubtful", or empty. */
export function marksText(requirement: Pick<Requirement, 'status' | 'titleDoubtful'>): string {
  return marksOf(requirement)
    .map((m) => MARK_WORDING[m].label)
    .join('; ');
}

/** The title followed by its marks in brackets, as tables print it. */
export function titleWithMarks(title: string, requirement: Pick<Requirement, 'status' | 'titleDoubtful'>): string {
  const marks = marksText(requirement);
  return marks ? `${title} (${marks})` : title;
}

/** The marks that occur among these requirements, in key order: a key lists only what the reader meets. */
export function marksUsed(requirements: readonly Pick<Requirement, 'status' | 'titleDoubtful'>[]): CatalogueMark[] {
  const used = new Set(requirements.flatMap(marksOf));
  return CATALOGUE_MARKS.filter((m) => used.has(m));
}
