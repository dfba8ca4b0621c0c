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

/** IEC 62443-2-4 functional areas of service-provider capabilities, by their SP numbers. */
export const IEC_62443_2_4_AREAS = [
  'SP.01',
  'SP.02',
  'SP.03',
  'SP.04',
  'SP.05',
  'SP.06',
  'SP.07',
  'SP.08',
  'SP.09',
  'SP.10',
  'SP.11',
  'SP.12',
] as const;

export const MATURITY_CRITERIA_LEVELS = ['ML1', 'ML2', 'ML3', 'ML4'] as const;

const sr = z.string().regex(/^SR \d+\.\d+$/, 'must name system requirements like "SR 5.1"');
const words = (value: string) => value.split(/\s+/).filter(Boolean).length;

/** What the practice looks like at one maturity level, and the evidence that typically shows it. */
export const levelCriterionSchema = z.strictObject({
  practice: text(600).refine((p) => words(p) >= 12, 'must be a sentence of at least 12 words, specific to the requirement'),
  evidence: z.array(text(200)).min(2, 'must name at least 2 kinds of evidence').max(5, 'must name at most 5 kinds of evidence'),
});

export const requirementSchema = z.strictObject({
  id,
  title: text(200),
  status: z.enum(['confirmed', 'element-level', 'unconfirmed']),
  titleDoubtful: z.boolean().optional(),
  intent: text(800),
  questions: list('entries', 300).refine((qs) => qs.every((q) => q.endsWith('?')), 'must each end with a question mark'),
  evidence: list('entries', 300),
  /** Criteria per maturity level, ML1 to ML4 (ML0, "not implemented", is the app's own addition). */
  levels: z
    .strictObject({ ML1: levelCriterionSchema, ML2: levelCriterionSchema, ML3: levelCriterionSchema, ML4: levelCriterionSchema })
    .optional(),
  /** Where our reading of the requirement is uncertain: why, and the other readings a user should weigh. */
  readingDoubt: z
    .strictObject({
      note: text(400),
      alternatives: z
        .array(text(300))
        .min(1, 'must give at least 1 alternative reading')
        .max(4, 'must give at most 4 alternative readings'),
    })
    .optional(),
  mappings: z.strictObject({
    /** As gathered from public sources; kept as found. */
    iec62443_3_3: z.array(sr),
    /** Those of the public-source SRs that look doubtful on reading. */
    iec62443_3_3Doubtful: z.array(sr).optional(),
    /** The project's own reading of which 62443-3-3 SRs relate (informative). */
    projectSr: z.array(sr).max(8, 'must have at most 8 system requirements').optional(),
    /** IEC 62443-2-4 service-provider functional areas where one fits (informative). */
    iec62443_2_4: z.array(z.enum(IEC_62443_2_4_AREAS)).max(3, 'must have at most 3 areas').optional(),
    /** Other parts and standards that help: "IEC 62443-3-2", "IEC 62443-4-1", "ISO/IEC 27001:2022 6.1" (informative). */
    related: z.array(text(120)).max(6, 'must have at most 6 references').optional(),
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
  /**
   * The house rules for guidance, checked by the loader: criteria for ML1–ML4 on every requirement, no
   * criterion sentence shared between requirements, no "must" or "shall" (guidance is not the standard).
   */
  strictGuidance: z.boolean().optional(),
  files: z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/, 'must be plain .yaml file names')).min(1),
});

export type SpeFile = z.infer<typeof speFileSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
