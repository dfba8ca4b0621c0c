/** The change-log attestation and the sign-off page. */
import { Paragraph, type FileChild } from 'docx';
import { SIGNATORY_LABELS, signedRoles } from '../records/lifecycle';
import type { SignOff } from '../records/model';
import { labelled, para, type Outline } from './blocks';
import type { DocContext } from './context';
import { documentReference } from './control';
import { controlOf } from './controlBlock';
import { TEXT_WIDTH } from './pageSetup';
import { STYLE_IDS } from './styles';
import { dataTable, keyValueTable } from './tables';
import { dateTime, day, oneLine } from './text';

const WIDTH = TEXT_WIDTH.portrait;

/** The heading of the report's one approval place; document control points to it by this name. */
export const SIGN_OFF_TITLE = 'Sign-off';

export function attestationSection(ctx: DocContext, outline: Outline, newPage = true): FileChild[] {
  const log = ctx.snapshot.changeLog;
  const verdict = log.verified
    ? 'Verified: the chain is unbroken, every record matches its last entry, and the log extends every head recorded for it.'
    : log.brokenAt
      ? `Not verified: the chain breaks at entry ${log.brokenAt}${log.reason ? ` (${oneLine(log.reason)})` : ''}.`
      : `Not verified: ${log.reason ? oneLine(log.reason) : 'the log could not be checked.'}`;
  return [
    outline.heading(1, 'Change-log attestation', { pageBreakBefore: newPage }),
    para(
      log.entries > 0
        ? 'Every change to the workbook is written to a change log in which each entry carries the hash of the one before it and of the record as the change left it. When this document was generated the chain was checked, every record was compared with its last entry, and the log was checked against the heads recorded at the last save and export. The log is tamper-evident, not tamper-proof: the head hash below identifies it, so keep it to check any later copy of the workbook against.'
        : 'This document was made without the workbook’s change log, so nothing about the history of its records could be checked.',
    ),
    keyValueTable(
      [
        ['Entries', String(log.entries)],
        ['First entry', dateTime(log.firstAt)],
        ['Last entry', dateTime(log.lastAt)],
        ['Head hash (SHA-256)', log.headHash ? { text: log.headHash, mono: true } : '—'],
        ['Verification', verdict],
      ],
      WIDTH,
    ),
  ];
}

/** The change log as it stood when the assessment was signed off, if the sign-off recorded it. */
export function headAtSignOff(signOff: SignOff): string {
  return signOff.logHead ? `entry ${signOff.logHead.count}, ${signOff.logHead.hash}` : 'Not recorded with this sign-off.';
}

/** The sign-off recorded in the workbook, exactly: its signatories, date, statement and log head. */
function recordedSignOff(signOff: SignOff): FileChild[] {
  return [
    para(`The assessment was signed off in the workbook on ${day(signOff.at)} by the people below, in the roles shown.`),
    dataTable(
      [
        { header: 'Role', weight: 20 },
        { header: 'Name', weight: 34 },
        { header: 'Date', weight: 16 },
        { header: 'Signature', weight: 30 },
      ],
      signedRoles(signOff).map((s) => [oneLine(s.label), oneLine(s.name), day(signOff.at), '']),
      WIDTH,
      { minRowHeight: 700 },
    ),
    new Paragraph({ style: STYLE_IDS.small, children: [] }),
    labelled('Statement', signOff.note ? oneLine(signOff.note) : 'None recorded.'),
    labelled('Change-log head at sign-off', headAtSignOff(signOff)),
  ];
}

/** Blank rows for the three roles, for an assessment not signed off in the workbook. */
function blankSignOff(): FileChild[] {
  return [
    para(
      'The assessment has not been signed off in the workbook. Each signatory fills in a row and signs by hand or with a digital signature.',
    ),
    dataTable(
      [
        { header: 'Role', weight: 20 },
        { header: 'Name', weight: 34 },
        { header: 'Date', weight: 16 },
        { header: 'Signature', weight: 30 },
      ],
      (['preparer', 'reviewer', 'approver'] as const).map((role) => [SIGNATORY_LABELS[role], '', '', '']),
      WIDTH,
      { minRowHeight: 700 },
    ),
  ];
}

export function signOffSection(ctx: DocContext, outline: Outline): FileChild[] {
  const { snapshot, options } = ctx;
  const recorded = snapshot.assessment.status === 'signed-off' ? snapshot.assessment.signOff : undefined;
  const out: FileChild[] = [
    outline.heading(1, SIGN_OFF_TITLE, { pageBreakBefore: true }),
    para(
      `By signing, each person confirms that they have read this report on the assessment "${oneLine(snapshot.assessment.name)}" and that, to the best of their knowledge, it fairly presents the state of the security program for the period stated.`,
    ),
  ];
  const control = controlOf(ctx);
  out.push(labelled('Document reference', documentReference(snapshot, 'report')));
  out.push(labelled('Revision and export ID', `revision ${control.revision}, ${control.exportId}`));
  out.push(labelled('Records digest (SHA-256)', control.digest));
  if (options.packageHash) out.push(labelled('Evidence package SHA-256', oneLine(options.packageHash)));
  if (snapshot.changeLog.headHash) out.push(labelled('Change-log head hash when generated', snapshot.changeLog.headHash));
  out.push(...(recorded ? recordedSignOff(recorded) : blankSignOff()));
  return out;
}
