import { describe, expect, it } from 'vitest';
import { checkGuidance, checkMappings } from './guidanceRules';
import type { Catalogue, LevelCriterion, Requirement } from './types';

const criterion = (text: string): LevelCriterion => ({ practice: text, evidence: ['A record', 'Another record'] });
const levels = (tag: string) => ({
  ML1: criterion(`Backups of ${tag} are taken now and then by whoever remembers, with nothing written down.`),
  ML2: criterion(`A written ${tag} procedure names what is backed up, how often and by whom, and staff are trained.`),
  ML3: criterion(`Records show the ${tag} procedure followed every cycle for a year, with restores tested and filed.`),
  ML4: criterion(`The ${tag} results are measured against targets each quarter and the procedure improved from them.`),
});

function requirement(id: string, patch: Partial<Requirement> = {}): Requirement {
  return {
    id,
    title: id,
    status: 'confirmed',
    titleDoubtful: false,
    intent: 'Keep copies of what the plant needs to recover.',
    questions: [],
    evidence: [],
    mappings: { iec62443_3_3: ['SR 7.3'], nistCsf2: [] },
    levels: levels(id),
    elementId: 'AVAIL 2',
    speId: 'AVAIL',
    ...patch,
  };
}

function catalogue(...requirements: Requirement[]): Catalogue {
  return {
    id: 'test',
    edition: 'test',
    version: '1.0.0',
    title: 'test',
    notice: 'test',
    levels: { spe: 'SPE', element: 'Element', requirement: 'Requirement' },
    spes: [
      {
        number: 1,
        id: 'AVAIL',
        title: 'A',
        summary: 'A',
        elements: [{ id: 'AVAIL 2', title: 'B', summary: 'B', speId: 'AVAIL', requirements }],
      },
    ],
  };
}

const errorsOf = (check: (c: Catalogue, e: string[]) => void, c: Catalogue) => {
  const errors: string[] = [];
  check(c, errors);
  return errors;
};

describe('the guidance rules of a strict catalogue', () => {
  it('accept requirements that each have their own criteria for ML1 to ML4', () => {
    expect(errorsOf(checkGuidance, catalogue(requirement('AVAIL 2.1'), requirement('AVAIL 2.2')))).toEqual([]);
  });

  it('refuse a requirement without criteria, naming it', () => {
    const { levels: _l, ...bare } = requirement('AVAIL 2.2');
    expect(errorsOf(checkGuidance, catalogue(requirement('AVAIL 2.1'), bare))).toEqual([
      'test: AVAIL 2.2: has no criteria per maturity level (levels: ML1 to ML4)',
    ]);
  });

  it('refuse a criterion sentence copied from another requirement, whatever its case or spacing', () => {
    const copied = requirement('AVAIL 2.2', {
      levels: { ...levels('AVAIL 2.2'), ML3: criterion(levels('AVAIL 2.1').ML3.practice.toUpperCase().replace(/ /g, '  ')) },
    });
    expect(errorsOf(checkGuidance, catalogue(requirement('AVAIL 2.1'), copied))).toEqual([
      'test: AVAIL 2.2: the ML3 criterion is the same sentence as one of AVAIL 2.1; write one specific to this requirement',
    ]);
  });

  it('refuse "must" and "shall" in the intent or a criterion, and a hedge in the text', () => {
    const normative = requirement('AVAIL 2.1', { intent: 'The owner shall keep copies. Judging by the title, it covers backups.' });
    const errors = errorsOf(checkGuidance, catalogue(normative));
    expect(errors).toContain(
      'test: AVAIL 2.1: the intent says "shall", which reads as the standard\'s requirement; guidance describes, it does not require',
    );
    expect(errors).toContain('test: AVAIL 2.1: the intent hedges in the text; put the doubt in readingDoubt with the alternative readings');
    expect(errorsOf(checkGuidance, catalogue(requirement('AVAIL 2.1', { intent: 'Musterhaft kept, mustard excluded.' })))).toEqual([]);
  });
});

describe('the mapping rules', () => {
  it('refuse a doubtful SR that is not among the public-source SRs', () => {
    const r = requirement('AVAIL 2.1', { mappings: { iec62443_3_3: ['SR 7.3'], iec62443_3_3Doubtful: ['SR 3.6'], nistCsf2: [] } });
    expect(errorsOf(checkMappings, catalogue(r))).toEqual([
      'test: AVAIL 2.1: SR 3.6 is flagged doubtful but is not among its 62443-3-3 SRs',
    ]);
    const fine = requirement('AVAIL 2.1', { mappings: { iec62443_3_3: ['SR 7.3'], iec62443_3_3Doubtful: ['SR 7.3'], nistCsf2: [] } });
    expect(errorsOf(checkMappings, catalogue(fine))).toEqual([]);
  });
});
