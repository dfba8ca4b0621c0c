/** The report's executive summary, scope and method sections. */
import type { FileChild } from 'docx';
import type { Rollup } from '../scoring/score';
import { SCORING_RULES } from '../scoring/method';
import { LEVELS, SCALE_NOTE } from '../records/maturity';
import { CATALOGUE_MARKS, MARK_WORDING } from '../catalogue/status';
import { bullet, labelled, note, para, type Outline } from './blocks';
import { elementBars, speRadar } from './charts';
import type { DocContext } from './context';
import { CRITERIA_APPENDIX_TITLE, hasCriteria } from './criteria';
import { TEXT_WIDTH } from './pageSetup';
import { gapTable, keyGaps, tiedGapsNote } from './gaps';
import { marksKey } from './marks';
import { dataTable, keyValueTable } from './tables';
import { day, EMPTY, levelLabel, meanLevel, oneLine, percent, plural } from './text';
import { unbackedCounts } from './validity';

const WIDTH = TEXT_WIDTH.portrait;

/** The headline figures of a rollup, in words. */
export function rollupSentence(r: Rollup): string {
  if (r.applicable === 0) return 'No applicable requirements.';
  const assessed = `${r.assessed} of ${plural(r.applicable, 'applicable requirement')} assessed (${percent(r.progress)})`;
  if (r.assessed === 0) return `${assessed}.`;
  return `${assessed}; attained level ${levelLabel(r.attained)}; mean level ${meanLevel(r.meanAchieved)} against a mean target of ${meanLevel(r.meanTarget)}; ${percent(r.shareAtTarget)} at target; evidence coverage ${percent(r.evidenceCoverage)}.`;
}

/** The claims no valid evidence backs, counted by the rules module (ML0 claims nothing, so needs none). */
function unbackedRows(ctx: DocContext): [string, string][] {
  const o = ctx.snapshot.scores.overall;
  const u = unbackedCounts(ctx);
  return [
    [
      'Levels without valid evidence',
      `assessed without valid evidence: ${u.assessed} of ${o.assessed}; assessed at target without valid evidence: ${u.atTarget} of ${o.atTarget}`,
    ],
  ];
}

export function executiveSummary(ctx: DocContext, outline: Outline): FileChild[] {
  const { snapshot } = ctx;
  const o = snapshot.scores.overall;
  const top = keyGaps(snapshot.scores.gaps, 5);
  const tied = tiedGapsNote(top);
  const shown = top.shown;
  return [
    outline.heading(1, 'Executive summary', { pageBreakBefore: true }),
    para(
      `This report sets out the self-assessment of ${oneLine(snapshot.organization.name)} at ${oneLine(snapshot.site.name)} against ${oneLine(snapshot.catalogue.edition)}, for the period ${day(snapshot.assessment.periodStart)} to ${day(snapshot.assessment.periodEnd)}. The figures below were computed from the workbook on ${day(snapshot.generatedAt)}.`,
    ),
    outline.heading(2, 'Key figures'),
    keyValueTable(
      [
        [
          'Progress',
          `${o.assessed} of ${plural(o.applicable, 'applicable requirement')} assessed (${percent(o.progress)}); ${o.requirements - o.applicable} not applicable`,
        ],
        ['Attained level', `${levelLabel(o.attained)} (the lowest achieved level among the assessed requirements)`],
        ['Mean level against target', `${meanLevel(o.meanAchieved)} achieved against ${meanLevel(o.meanTarget)} targeted`],
        ['Share at target', `${percent(o.shareAtTarget)} (${o.atTarget} of ${o.applicable})`],
        ['Evidence coverage', percent(o.evidenceCoverage)],
        ...unbackedRows(ctx),
        ['Total gap', plural(o.totalGap, 'level')],
        ['Remediation actions', `${o.openActions} open, of which ${o.overdueActions} overdue`],
      ],
      WIDTH,
    ),
    outline.heading(2, 'Key gaps'),
    para(
      shown.length
        ? 'The largest gaps between target and achieved level, ranked by the scoring rules:'
        : 'No assessed requirement is below its target.',
    ),
    ...(shown.length
      ? [
          gapTable(ctx, shown, WIDTH),
          ...(tied ? [note(tied)] : []),
          ...marksKey(shown.flatMap((g) => ctx.index.requirement(g.requirementId) ?? [])),
        ]
      : []),
    outline.heading(2, 'Maturity by program element'),
    dataTable(
      [
        { header: 'SPE', weight: 30 },
        { header: 'Progress', weight: 13 },
        { header: 'Attained', weight: 13 },
        { header: 'Mean / target', weight: 15 },
        { header: 'At target', weight: 13 },
        { header: 'Evidence', weight: 16 },
      ],
      ctx.spesInScope.map((s) => {
        const r = snapshot.scores.spes[s.id];
        return [
          `${oneLine(s.id)} ${oneLine(s.title)}`,
          r ? percent(r.progress) : EMPTY,
          levelLabel(r?.attained),
          r ? `${meanLevel(r.meanAchieved)} / ${meanLevel(r.meanTarget)}` : EMPTY,
          r ? percent(r.shareAtTarget) : EMPTY,
          r ? percent(r.evidenceCoverage) : EMPTY,
        ];
      }),
      WIDTH,
    ),
    speRadar(snapshot),
    note('Mean levels are over assessed requirements only; an element with nothing assessed has no achieved value.'),
    elementBars(snapshot),
  ];
}

export function scopeSection(ctx: DocContext, outline: Outline): FileChild[] {
  const { snapshot } = ctx;
  const outOfScope = snapshot.catalogue.spes.filter((s) => !snapshot.assessment.scope.includes(s.id));
  return [
    outline.heading(1, 'Scope'),
    labelled('Site', [oneLine(snapshot.site.name), oneLine(snapshot.site.location)].filter(Boolean).join(', ') || 'Not recorded'),
    labelled('Assessment period', `${day(snapshot.assessment.periodStart)} to ${day(snapshot.assessment.periodEnd)}`),
    labelled('Default target level', levelLabel(snapshot.assessment.defaultTargetLevel)),
    para(
      'The security program elements (SPEs) below are in the scope of this assessment. Every requirement they contain is reported, whether assessed, not yet assessed or not applicable.',
    ),
    dataTable(
      [
        { header: 'SPE', weight: 11 },
        { header: 'Title', weight: 44 },
        { header: 'Elements', weight: 13 },
        { header: 'Requirements', weight: 17 },
        { header: 'Applicable', weight: 15 },
      ],
      ctx.spesInScope.map((s) => {
        const r = snapshot.scores.spes[s.id];
        const count = s.elements.reduce((a, e) => a + e.requirements.length, 0);
        return [{ text: s.id, bold: true }, oneLine(s.title), String(s.elements.length), String(count), String(r?.applicable ?? count)];
      }),
      WIDTH,
    ),
    para(
      outOfScope.length
        ? `Not in scope: ${outOfScope.map((s) => `${oneLine(s.id)} ${oneLine(s.title)}`).join('; ')}. Their requirements are not assessed and not reported.`
        : 'Every security program element of the catalogue is in scope.',
      { spacingBefore: 160 },
    ),
  ];
}

export function methodSection(ctx: DocContext, outline: Outline): FileChild[] {
  const { catalogue, assessment } = ctx.snapshot;
  return [
    outline.heading(1, 'Method'),
    para(
      'Each requirement was assessed by the organization itself: the assessor recorded whether it applies, the level of maturity achieved against the target, a narrative of what is in place, the gaps found, and the evidence that supports the answer.',
    ),
    outline.heading(2, 'Requirement catalogue'),
    keyValueTable(
      [
        ['Catalogue', oneLine(catalogue.title)],
        ['Edition', oneLine(catalogue.edition)],
        ['Catalogue version', `${oneLine(assessment.catalogueVersion || catalogue.version)} (${oneLine(catalogue.id)})`],
      ],
      WIDTH,
    ),
    note(catalogue.notice),
    outline.heading(2, 'Maturity levels'),
    dataTable(
      [
        { header: 'Level', weight: 10 },
        { header: 'Name', weight: 24 },
        { header: 'What it means', weight: 66 },
      ],
      LEVELS.map((l) => [{ text: l.label, bold: true }, l.level === 0 ? `${l.name} (this app’s addition)` : l.name, l.description]),
      WIDTH,
    ),
    note(SCALE_NOTE),
    ...(hasCriteria(ctx.requirementsInScope)
      ? [
          para(
            `What each level looks like for a particular requirement, with the evidence that typically shows it, is set out in ${CRITERIA_APPENDIX_TITLE} at the end of this report. The criteria guide the judgement; the level recorded for each requirement is the assessor’s.`,
          ),
        ]
      : []),
    outline.heading(2, 'Scoring rules'),
    ...SCORING_RULES.map((rule) => bullet(rule)),
    outline.heading(2, 'Reading the results'),
    para(
      'The results that follow have one chapter per security program element and one section per element. Each element opens with a table of its requirements, then gives every requirement its own heading with the answer recorded for it.',
    ),
    bullet(
      'Applies: whether the requirement applies at this site. Those that do not are marked not applicable, with the justification, and are left out of every figure.',
    ),
    bullet(
      'Target and Achieved: maturity levels on the standard’s scale of ML1 to ML4, with ML0 (this app’s addition) for a practice not implemented. An applicable requirement without an achieved level is marked not assessed.',
    ),
    bullet('Gap: the target minus the achieved level, or zero when the target is met; a dash where nothing was assessed.'),
    bullet(
      'Evidence: the IDs of the evidence items relied on, as listed in the evidence register; an item past its expiry date is marked expired and, like a file found missing or changed, backs no level. A level above ML0 with no valid evidence behind it is said to rest on the assessor’s word.',
    ),
    bullet(
      'Compensating countermeasure: where a requirement cannot be met as written, often on a legacy system, the answer names the measure applied instead, why, the risk that remains and who accepted it; the achieved level stays the assessor’s judgement, and a countermeasure is scored no differently.',
    ),
    outline.heading(2, 'Requirement titles'),
    para(
      'Requirement IDs and titles in this document are reference titles used to identify each requirement. They are not the wording of the standard. Where public sources leave an ID or a title uncertain, the requirement carries one of the marks below, in brackets after its title. The official requirement text appears only where the organization holds a licence for the standard and chose to include it.',
    ),
    ...CATALOGUE_MARKS.map((m) => bullet(`${MARK_WORDING[m].label}: ${MARK_WORDING[m].explanation}`)),
  ];
}
