/** Schemas of the catalogue files. Unknown fields are errors: a typo must not pass as data. */
import { z } from 'zod';

export const NIST_CSF_2_CATEGORIES = [
  'GV.OC',
  'GV.RM',
  'GV.RR',
  'GV.PO',
  'GV.OV',
  'GV.SC',
  'ID.AM',
  'ID.RA',
  'ID.IM',
  'PR.AA',
  'PR.AT',
  'PR.DS',
  'PR.PS',
  'PR.IR',
  'DE.CM',
  'DE.AE',
  'RS.MA',
  'RS.AN',
  'RS.CO',
  'RS.MI',
  'RC.RP',
  'RC.CO',
] as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const id = z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters');
const list = (what: string, itemMax: number) =>
  z.array(text(itemMax)).min(3, `must have at least 3 ${what}`).max(6, `must have at most 6 ${what}`);

export const requirementSchema = z.strictObject({
  id,
  title: text(200),
  status: z.enum(['confirmed', 'element-level', 'unconfirmed']),
  titleDoubtful: z.boolean().optional(),
  intent: text(800),
  questions: list('entries', 300).refine((qs) => qs.every((q) => q.endsWith('?')), 'must each end with a question mark'),
  evidence: list('entries', 300),
  mappings: z.strictObject({
    iec62443_3_3: z.array(z.string().regex(/^SR \d+\.\d+$/, 'must name system requirements like "SR 5.1"')),
    nistCsf2: z.array(z.enum(NIST_CSF_2_CATEGORIES)).max(6, 'must have at most 6 categories'),
  }),
});

export const elementSchema = z.strictObject({
  id,
  title: text(200),
  summary: text(600),
  requirements: z.array(requirementSchema).min(1, 'must have at least 1 requirement'),
});

export const speFileSchema = z.strictObject({
  format: z.number(),
  spe: z.strictObject({
    number: z.number().int().positive(),
    id,
    title: text(200),
    clause: z
      .string()
      .regex(/^\d+(\.\d+)*$/, 'must be a clause number like "4.3"')
      .optional(),
    summary: text(600),
    elements: z.array(elementSchema).min(1, 'must have at least 1 element'),
  }),
});

export const manifestSchema = z.strictObject({
  format: z.number(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'must be lower-case letters, digits and dashes'),
  edition: text(100),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0'),
  title: text(200),
  notice: text(2000),
  levels: z.strictObject({ spe: text(60), element: text(60), requirement: text(60) }),
  files: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/, 'must be plain .yaml file names')).min(1),
});

export type SpeFile = z.infer<typeof speFileSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
