/** The report's glossary of the terms it uses, and the standards it refers to, in the app's own words. */
import type { FileChild } from 'docx';
import { para, type Outline } from './blocks';
import type { DocContext } from './context';
import { TEXT_WIDTH } from './pageSetup';
import { dataTable } from './tables';
import { oneLine } from './text';

/** Terms in alphabetical order, each explained as this report uses it. */
export const GLOSSARY: readonly (readonly [string, string])[] = [
  ['Achieved level', 'The maturity level the assessor judged a requirement to have reached, from the evidence.'],
  [
    'Asset owner',
    'The organization that runs the industrial systems and is accountable for their security; here, the assessed organization.',
  ],
  ['Attained level', 'The lowest achieved level among the assessed requirements of a group: the level the whole group can claim.'],
  [
    'Compensating countermeasure',
    'A measure applied in place of the one a requirement asks for, where that cannot be met as written, together with the risk it leaves.',
  ],
  ['Conduit', 'A grouping of the communication channels between zones that share the same security requirements.'],
  ['CSMS', 'Cybersecurity management system: the policies, people and processes by which the asset owner keeps its IACS secure.'],
  ['Element', 'A subdivision of a security program element that groups closely related requirements.'],
  ['Evidence', 'A file, reference or note that supports the answer recorded for a requirement, listed in the evidence register.'],
  ['Evidence coverage', 'The share of applicable requirements supported by at least one evidence item that has not expired.'],
  ['Finding: major', 'A requirement not met in a way that leaves a significant risk or shows that a practice is missing altogether.'],
  ['Finding: minor', 'A requirement partly met: a lapse or an incomplete practice that does not by itself leave a significant risk.'],
  ['Finding: observation', 'Not a failure to meet a requirement, but a point the organization should consider to improve its program.'],
  ['Gap', 'The target level minus the achieved level of a requirement, or zero when the target is met.'],
  ['IACS', 'Industrial automation and control system: the people, hardware, software and policies that run an industrial process.'],
  [
    'ML0 to ML4',
    'Maturity levels. ML1 to ML4 run from practices done ad hoc to practices that are defined, measured and improved; ML0, added by this app, marks a practice not implemented.',
  ],
  [
    'Not applicable',
    'A requirement the organization judged not to apply at the site, with a justification; it is left out of every score.',
  ],
  ['SHA-256', 'A cryptographic hash: a 64-character fingerprint of a file that changes if any byte of the file changes.'],
  ['SoA', 'Statement of applicability: the list of requirements in scope, whether each applies, and why not where it does not.'],
  ['SPE', 'Security program element: one of the main areas into which the requirements for an asset owner’s program are grouped.'],
  ['SUC', 'System under consideration: the IACS, with its boundaries, that the assessment covers.'],
  ['Target level', 'The maturity level the organization set out to reach for a requirement.'],
  ['TLP', 'Traffic Light Protocol: markings (such as TLP:AMBER) that say how widely a document may be shared.'],
  ['Zone', 'A grouping of assets, logical or physical, that share the same security requirements.'],
];

/** Standards the report refers to; the catalogue's own edition is added first as the normative one. */
export const INFORMATIVE_REFERENCES: readonly string[] = [
  'IEC 62443-1-1, Security for industrial automation and control systems, Part 1-1: Terminology, concepts and models',
  'IEC 62443-2-1:2024, Security for industrial automation and control systems, Part 2-1: Security program requirements for IACS asset owners',
  'IEC 62443-2-4, Security for industrial automation and control systems, Part 2-4: Security program requirements for IACS service providers',
  'IEC 62443-3-2, Security for industrial automation and control systems, Part 3-2: Security risk assessment for system design',
  'IEC 62443-3-3, Security for industrial automation and control systems, Part 3-3: System security requirements and security levels',
  'ISO/IEC 27001:2022, Information security, cybersecurity and privacy protection: Information security management systems, Requirements',
  'FIPS 180-4, Secure Hash Standard (SHA-256)',
  'FIRST, Traffic Light Protocol (TLP), version 2.0',
];

/** The standard the assessment is made against, and the others it refers to without depending on them. */
export function references(ctx: DocContext): { normative: string[]; informative: string[] } {
  const edition = oneLine(ctx.snapshot.catalogue.edition);
  const code = /IEC 62443-\d-\d/.exec(edition)?.[0];
  // The edition's full title where the list has it ("IEC 62443-2-1:2024, Security for …").
  const titled = INFORMATIVE_REFERENCES.find((r) => edition && r.startsWith(`${edition},`));
  return {
    normative: edition ? [titled ?? edition] : [],
    // The edition assessed against is normative; the same part is not listed again as informative.
    informative: INFORMATIVE_REFERENCES.filter((r) => !code || !r.startsWith(code)),
  };
}

export function glossarySection(ctx: DocContext, outline: Outline): FileChild[] {
  const { normative, informative } = references(ctx);
  return [
    outline.heading(1, 'Glossary and references'),
    outline.heading(2, 'Glossary'),
    para('The terms and abbreviations used in this report, as they are used here.'),
    dataTable(
      [
        { header: 'Term', weight: 24 },
        { header: 'Meaning', weight: 76 },
      ],
      GLOSSARY.map(([term, meaning]) => [{ text: term, bold: true }, meaning]),
      TEXT_WIDTH.portrait,
    ),
    outline.heading(2, 'Normative and informative references'),
    para('Normative: the assessment was made against the requirements of', { keepNext: true }),
    ...normative.map((r) => para(r, { spacingBefore: 0 })),
    para('Informative: referred to for terms and related practice; the assessment does not depend on them.', {
      keepNext: true,
      spacingBefore: 120,
    }),
    ...informative.map((r) => para(r, { spacingAfter: 60 })),
  ];
}
