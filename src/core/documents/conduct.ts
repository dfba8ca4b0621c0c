/**
 * The report's account of what was assessed and how: the system under consideration, the conduct of
 * the assessment, the assessor's overall conclusion, and the management statement, which is the
 * organization's own word and is printed apart from the conclusion. Where nothing was recorded, one
 * plain sentence says so instead of an empty table.
 */
import type { FileChild, Paragraph } from 'docx';
import { INDEPENDENCE_LABELS, said, type Conduct } from '../records/conduct';
import { bullet, labelled, note, para, type Outline } from './blocks';
import type { DocContext } from './context';
import { TEXT_WIDTH } from './pageSetup';
import { STYLE_IDS } from './styles';
import { dataTable } from './tables';
import { clean, day, oneLine, plural } from './text';

const WIDTH = TEXT_WIDTH.portrait;

/** Text as written, one paragraph per block separated by a blank line. */
function paragraphs(text: string): Paragraph[] {
  return clean(text)
    .trim()
    .split(/\n\s*\n/)
    .map((block) => para(block.trim()));
}

/** A recorded text under its heading, or one sentence saying it was not recorded. */
function textOrSentence(text: string | undefined, missing: string): Paragraph[] {
  return said(text) ? paragraphs(text) : [para(missing, { italics: true })];
}

/** A label in bold over the text written under it, or "Label: not recorded." */
function labelledText(label: string, text: string | undefined, missing: string): Paragraph[] {
  return said(text) ? [para(label, { bold: true, keepNext: true }), ...paragraphs(text)] : [labelled(label, missing)];
}

/** An evidence ID with its title, so a reader can find it in the register. */
function evidenceLabel(ctx: DocContext, id: string): string {
  const found = ctx.snapshot.evidence.find((e) => e.id === id);
  return found ? `${id} ${oneLine(found.title)}` : `${id} (no longer in the workbook)`;
}

const conductOf = (ctx: DocContext): Conduct => ctx.snapshot.assessment.conduct ?? {};

export function systemSection(ctx: DocContext, outline: Outline): FileChild[] {
  const c = conductOf(ctx);
  const zones = (c.zones ?? []).filter((z) => said(z.name) || said(z.description));
  const evidence = c.evidenceIds ?? [];
  const heading = outline.heading(1, 'System under consideration', { pageBreakBefore: true });
  if (!said(c.boundary) && zones.length === 0 && !said(c.exclusions) && evidence.length === 0) {
    return [
      heading,
      para('No system under consideration was recorded for this assessment: its boundary, zones and conduits are not described.'),
    ];
  }
  return [
    heading,
    outline.heading(2, 'Boundary'),
    ...textOrSentence(c.boundary, 'No boundary was recorded.'),
    outline.heading(2, 'Zones and conduits'),
    ...(zones.length
      ? [
          dataTable(
            [
              { header: 'Name', weight: 30 },
              { header: 'Kind', weight: 12 },
              { header: 'What it holds or carries', weight: 58 },
            ],
            zones.map((z) => [{ text: oneLine(z.name), bold: true }, z.kind === 'zone' ? 'Zone' : 'Conduit', clean(z.description).trim()]),
            WIDTH,
          ),
          note(
            `${plural(zones.filter((z) => z.kind === 'zone').length, 'zone')} and ${plural(zones.filter((z) => z.kind === 'conduit').length, 'conduit')}.`,
          ),
        ]
      : [para('No zones or conduits were recorded.', { italics: true })]),
    outline.heading(2, 'Exclusions'),
    ...textOrSentence(c.exclusions, 'No exclusions were recorded.'),
    outline.heading(2, 'Referenced evidence'),
    ...(evidence.length
      ? [
          para('The evidence below describes the system; each item is listed in the evidence register.'),
          ...evidence.map((id) => bullet(evidenceLabel(ctx, id))),
        ]
      : [para('No evidence describing the system was referenced.', { italics: true })]),
  ];
}

function fieldwork(ctx: DocContext, c: Conduct): Paragraph[] {
  const { periodStart, periodEnd } = ctx.snapshot.assessment;
  if (!c.fieldworkStart && !c.fieldworkEnd) return [para('No fieldwork dates were recorded.', { italics: true })];
  const from = c.fieldworkStart ? day(c.fieldworkStart) : 'a start not recorded';
  const to = c.fieldworkEnd ? day(c.fieldworkEnd) : 'an end not recorded';
  const outside = [c.fieldworkStart, c.fieldworkEnd].some((d) => d !== undefined && (d < periodStart || d > periodEnd));
  return [
    labelled('Fieldwork', `${from} to ${to}`),
    ...(outside
      ? [para(`The fieldwork falls partly or wholly outside the assessment period (${day(periodStart)} to ${day(periodEnd)}).`)]
      : []),
  ];
}

export function conductSection(ctx: DocContext, outline: Outline): FileChild[] {
  const c = conductOf(ctx);
  const team = (c.team ?? []).filter((t) => said(t.name));
  const interviewees = (c.interviewees ?? []).filter((i) => said(i.name));
  const documents = (c.documentsReviewed ?? []).filter(said);
  const heading = outline.heading(1, 'Assessment conduct', { pageBreakBefore: true });
  const nothing =
    team.length === 0 &&
    interviewees.length === 0 &&
    documents.length === 0 &&
    !c.fieldworkStart &&
    !c.fieldworkEnd &&
    !said(c.sampling) &&
    !said(c.limitations);
  if (nothing)
    return [
      heading,
      para('How this assessment was conducted was not recorded: no team, interviews, documents, fieldwork dates, sampling or limitations.'),
    ];
  const independent = team.filter((t) => t.independence !== 'internal').length;
  return [
    heading,
    outline.heading(2, 'Assessment team'),
    ...(team.length
      ? [
          dataTable(
            [
              { header: 'Name', weight: 28 },
              { header: 'Role in the assessment', weight: 34 },
              { header: 'Independence', weight: 38 },
            ],
            team.map((t) => [oneLine(t.name), oneLine(t.role), INDEPENDENCE_LABELS[t.independence]]),
            WIDTH,
          ),
          note(
            independent
              ? `${independent} of ${plural(team.length, 'team member')} ${independent === 1 ? 'is' : 'are'} independent of the area assessed or external to the organization.`
              : 'No member of the team is independent of the area assessed.',
          ),
        ]
      : [para('No assessment team was recorded.', { italics: true })]),
    outline.heading(2, 'Interviews'),
    ...(interviewees.length
      ? [
          dataTable(
            [
              { header: 'Interviewee', weight: 40 },
              { header: 'Role', weight: 60 },
            ],
            interviewees.map((i) => [oneLine(i.name), oneLine(i.role)]),
            WIDTH,
          ),
        ]
      : [para('No interviews were recorded.', { italics: true })]),
    outline.heading(2, 'Documents reviewed'),
    ...(documents.length
      ? documents.map((d) => {
          const text = oneLine(d);
          return bullet(ctx.snapshot.evidence.some((e) => e.id === text) ? evidenceLabel(ctx, text) : text);
        })
      : [para('No documents reviewed were recorded.', { italics: true })]),
    outline.heading(2, 'Fieldwork, sampling and limitations'),
    ...fieldwork(ctx, c),
    ...labelledText('Sampling approach', c.sampling, 'not recorded.'),
    ...labelledText('Limitations', c.limitations, 'none recorded.'),
  ];
}

/** The assessor's overall conclusion, printed near the executive summary. */
export function conclusionSection(ctx: DocContext, outline: Outline): FileChild[] {
  const c = conductOf(ctx);
  return [
    outline.heading(1, 'Overall conclusion'),
    ...(said(c.conclusion)
      ? // Kept with the text below, so the heading never stands alone at the foot of a page.
        [
          para('The conclusion of the assessment team, as recorded in the workbook.', {
            style: STYLE_IDS.small,
            italics: true,
            keepNext: true,
          }),
          ...paragraphs(c.conclusion),
        ]
      : [para('No conclusion was recorded.')]),
  ];
}

/** The organization's own statement, in a section of its own: it is not the assessor's opinion. */
export function managementStatementSection(ctx: DocContext, outline: Outline): FileChild[] {
  const c = conductOf(ctx);
  return [
    outline.heading(1, 'Management statement', { pageBreakBefore: true }),
    para(
      `This section is the statement of ${oneLine(ctx.snapshot.organization.name)}’s management in response to this assessment: its own words and commitments. It is not part of the assessment team’s conclusion and does not change it.`,
      { italics: true },
    ),
    ...(said(c.managementStatement) ? paragraphs(c.managementStatement) : [para('No management statement was recorded.')]),
  ];
}
