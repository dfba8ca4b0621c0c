/**
 * How an assessment was conducted and what it covered: the system under consideration, the team, who
 * was interviewed, what was read, when the fieldwork ran, and the assessor's conclusion, with the
 * management statement kept apart from it. Every field is optional: an assessment recorded before
 * these existed has none, and a form fills them one at a time. Text is kept as typed (saved while typed).
 */
import { z } from 'zod';
import { asTyped, calendarDate, evidenceId, RECORD_LIMITS as LIMITS } from './fields';

export const ZONE_KINDS = ['zone', 'conduit'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/** How far a team member stands from what is assessed. */
export const INDEPENDENCE = ['internal', 'independent-internal', 'external'] as const;
export type Independence = (typeof INDEPENDENCE)[number];

export const INDEPENDENCE_LABELS: Record<Independence, string> = {
  internal: 'Internal',
  'independent-internal': 'Internal, independent of the area assessed',
  external: 'External',
};

const rows = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: `${what} must be a list` }).max(LIMITS.conductRows, `${what} holds at most ${LIMITS.conductRows} entries`);

const entry = (label: string) => asTyped(LIMITS.conductEntry, label);

export const zoneSchema = z.strictObject({
  name: entry('the name of a zone or conduit'),
  kind: z.enum(ZONE_KINDS, { error: 'each row is a zone or a conduit' }),
  description: asTyped(LIMITS.zoneDescription, 'the description of a zone or conduit'),
});

export const teamMemberSchema = z.strictObject({
  name: entry('a team member’s name'),
  role: entry('a team member’s role'),
  independence: z.enum(INDEPENDENCE, { error: 'each team member is internal, independent internal or external' }),
});

export const intervieweeSchema = z.strictObject({
  name: entry('an interviewee’s name'),
  role: entry('an interviewee’s role'),
});

const text = (label: string) => asTyped(LIMITS.conductText, label).optional();
const statement = (label: string) => asTyped(LIMITS.conclusion, label).optional();

export const conductFields = z.strictObject({
  /** Where the system under consideration begins and ends. */
  boundary: text('the boundary'),
  zones: rows(zoneSchema, 'the list of zones and conduits').optional(),
  exclusions: text('the exclusions'),
  /** Evidence describing the system, such as the zone drawing; each must exist when it is named (checked by the write path). */
  evidenceIds: rows(evidenceId, 'the list of referenced evidence').optional(),
  team: rows(teamMemberSchema, 'the team').optional(),
  interviewees: rows(intervieweeSchema, 'the list of interviewees').optional(),
  /** Short titles or document numbers; an evidence ID is printed with its title. */
  documentsReviewed: rows(entry('a document reviewed'), 'the list of documents reviewed').optional(),
  fieldworkStart: calendarDate('the fieldwork start must be written YYYY-MM-DD').optional(),
  fieldworkEnd: calendarDate('the fieldwork end must be written YYYY-MM-DD').optional(),
  sampling: text('the sampling approach'),
  limitations: text('the limitations'),
  /** The assessor's overall conclusion. */
  conclusion: statement('the overall conclusion'),
  /** The organization's own response and commitment: never the assessor's words, printed apart. */
  managementStatement: statement('the management statement'),
});

export const conductSchema = conductFields.superRefine((c, ctx) => {
  // Both are YYYY-MM-DD, so they compare as text.
  if (c.fieldworkStart && c.fieldworkEnd && c.fieldworkEnd < c.fieldworkStart) {
    ctx.addIssue({ code: 'custom', path: ['fieldworkEnd'], message: 'the fieldwork cannot end before it starts' });
  }
  const ids = c.evidenceIds ?? [];
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) ctx.addIssue({ code: 'custom', path: ['evidenceIds'], message: `${twice} is referenced twice` });
});

export type Conduct = z.infer<typeof conductSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type TeamMember = z.infer<typeof teamMemberSchema>;
export type Interviewee = z.infer<typeof intervieweeSchema>;

/** A change names only what changed; a list is replaced whole, and null removes a fieldwork date. */
export const conductPatch = conductFields
  .extend({
    fieldworkStart: conductFields.shape.fieldworkStart.unwrap().nullable().optional(),
    fieldworkEnd: conductFields.shape.fieldworkEnd.unwrap().nullable().optional(),
  })
  .strict();
export type ConductPatch = z.output<typeof conductPatch>;

/** The conduct after a change: fields the change does not name stay as they were. */
export function applyConduct(stored: Conduct | undefined, change: ConductPatch): Conduct {
  const next: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as Conduct;
}

/**
 * What a re-assessment starts from: the system under consideration, which rarely changes between two
 * assessments. The team, fieldwork, conclusion and statement belong to the assessment that recorded them.
 */
export function carriedConduct(conduct: Conduct | undefined): Conduct | undefined {
  if (!conduct) return undefined;
  const { boundary, zones, exclusions, evidenceIds } = conduct;
  const kept = Object.fromEntries(Object.entries({ boundary, zones, exclusions, evidenceIds }).filter(([, v]) => v !== undefined));
  return Object.keys(kept).length ? (kept as Conduct) : undefined;
}

/** True when the text says something; a field opened and left blank does not. */
export const said = (text: string | undefined): text is string => !!text && text.trim() !== '';
