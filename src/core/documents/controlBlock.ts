/**
 * The document control block every document carries (reference, revision, export ID, digest, status,
 * the other documents of the set, and what in the records did not add up), and the approval table
 * of the statement, the plan and the register. The report's approvals are on its sign-off page only.
 */
import type { FileChild } from 'docx';
import { SIGNATORY_LABELS, signatoryIn } from '../records/lifecycle';
import { isCountedAction } from '../rules/rules';
import { para, type Outline } from './blocks';
import type { DocumentKind } from './build';
import type { DocContext } from './context';
import { documentReference, exportControl, type ExportControl } from './control';
import { TEXT_WIDTH } from './pageSetup';
import { dataTable, keyValueTable, type CellValue } from './tables';
import { day, plural } from './text';

export const STATUS_WORDS = { draft: 'Draft', 'in-review': 'For review', 'signed-off': 'Final (signed off)' } as const;

const SET_ORDER: readonly DocumentKind[] = ['report', 'soa', 'plan', 'register'];
const SET_NAMES: Record<DocumentKind, string> = {
  report: 'assessment report',
  soa: 'statement of applicability',
  plan: 'remediation plan',
  register: 'evidence register',
};

const controls = new WeakMap<DocContext, ExportControl>();

/** The export's control: as the caller gave it, or derived once per document from the snapshot. */
export function controlOf(ctx: DocContext): ExportControl {
  const given = ctx.options.control;
  if (given) return given;
  const known = controls.get(ctx);
  if (known) return known;
  const made = exportControl(ctx.snapshot);
  controls.set(ctx, made);
  return made;
}

/** The rows that identify this document within its export. */
export function controlRows(ctx: DocContext, kind: DocumentKind): [string, CellValue][] {
  const control = controlOf(ctx);
  const others = SET_ORDER.filter((k) => k !== kind).map((k) => `${documentReference(ctx.snapshot, k)} (${SET_NAMES[k]})`);
  return [
    ['Document reference', { text: documentReference(ctx.snapshot, kind), mono: true }],
    ['Revision', String(control.revision)],
    ['Export ID', { text: control.exportId, mono: true }],
    ['Records digest (SHA-256)', { text: control.digest, mono: true }],
    ['Status', STATUS_WORDS[ctx.snapshot.assessment.status]],
    ['Documents of this export', others.join('\n')],
  ];
}

/**
 * What the records hold that the figures leave out, said rather than dropped: actions and evidence
 * links on requirements outside the scope or not applicable (kept, because deleting them would lose
 * the user's work, but never counted), and files found missing or changed.
 */
export function consistencyWarnings(ctx: DocContext): string[] {
  const { snapshot } = ctx;
  const standing = (id: string) => {
    const score = snapshot.scores.requirements[id];
    return { inScope: score !== undefined, applicable: score?.applicable ?? false };
  };
  const out: string[] = [];
  const outside = snapshot.actions.filter((a) => !standing(a.requirementId).inScope);
  const notApplicable = snapshot.actions.filter((a) => standing(a.requirementId).inScope && !isCountedAction(standing(a.requirementId)));
  const links = snapshot.links.filter((l) => !standing(l.requirementId).inScope);
  if (outside.length) out.push(`${plural(outside.length, 'action')} on requirements outside the scope: listed, not counted in any figure.`);
  if (notApplicable.length)
    out.push(`${plural(notApplicable.length, 'action')} on requirements marked not applicable: listed, not counted in any figure.`);
  if (links.length) out.push(`${plural(links.length, 'evidence link')} to requirements outside the scope: not counted.`);
  if (snapshot.damagedEvidence?.length)
    out.push(`The files of ${snapshot.damagedEvidence.join(', ')} were missing or changed when checked: they back no claimed level.`);
  return out;
}

/** Reference, revision, export ID, digest and status, then what did not add up in the records. */
export function controlTable(ctx: DocContext, kind: DocumentKind): FileChild[] {
  const warnings = consistencyWarnings(ctx);
  return [
    keyValueTable(controlRows(ctx, kind), TEXT_WIDTH.portrait),
    para(
      'Every document of one export carries the same export ID and records digest. A document with another digest was built from other records; one with another export ID comes from another export.',
      { spacingBefore: 120 },
    ),
    ...(warnings.length ? [para('Records checks', { bold: true, keepNext: true }), ...warnings.map((w) => para(w))] : []),
  ];
}

/** The control block and approval table of the statement, the plan and the register. */
export function controlBlock(ctx: DocContext, kind: Exclude<DocumentKind, 'report'>, outline: Outline): FileChild[] {
  const signOff = ctx.snapshot.assessment.status === 'signed-off' ? ctx.snapshot.assessment.signOff : undefined;
  const control = controlOf(ctx);
  return [
    outline.heading(1, 'Document control'),
    ...controlTable(ctx, kind),
    outline.heading(2, 'Revision'),
    para(
      `This is revision ${control.revision}, exported on ${day(ctx.snapshot.generatedAt)}. Earlier revisions are in earlier exports of this assessment; each export counts one revision.`,
    ),
    outline.heading(2, 'Approval'),
    para(
      signOff
        ? `The assessment was signed off in the workbook on ${day(signOff.at)}; the names below are those recorded. This document is approved with the ${SET_NAMES.report} ${documentReference(ctx.snapshot, 'report')} of the same export.`
        : `Not signed off in the workbook. Approve this document together with the ${SET_NAMES.report} ${documentReference(ctx.snapshot, 'report')} of the same export, by hand or with a digital signature.`,
    ),
    dataTable(
      [
        { header: 'Role', weight: 20 },
        { header: 'Name', weight: 34 },
        { header: 'Date', weight: 16 },
        { header: 'Signature', weight: 30 },
      ],
      (['preparer', 'reviewer', 'approver'] as const).map((role) => {
        const name = signatoryIn(signOff, role);
        return [SIGNATORY_LABELS[role], name ?? '', name && signOff ? day(signOff.at) : '', ''];
      }),
      TEXT_WIDTH.portrait,
      { minRowHeight: 600 },
    ),
  ];
}
