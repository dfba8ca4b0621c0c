/** The requirement catalogue as the app uses it: SPEs → elements → requirements. */

export type IdStatus = 'confirmed' | 'element-level' | 'unconfirmed';

export interface Mappings {
  /** Related IEC 62443-3-3 system requirements, as gathered from public sources (informative). */
  iec62443_3_3: string[];
  /** Those of iec62443_3_3 that look doubtful on reading. */
  iec62443_3_3Doubtful?: string[];
  /** The project's own reading of related 62443-3-3 SRs (informative). */
  projectSr?: string[];
  /** IEC 62443-2-4 service-provider functional areas (informative). */
  iec62443_2_4?: string[];
  /** Other parts and standards that help (informative). */
  related?: string[];
  /** NIST CSF 2.0 categories chosen by topic: this project's own, informative mapping. */
  nistCsf2: string[];
}

export type CriteriaLevel = 'ML1' | 'ML2' | 'ML3' | 'ML4';

export interface LevelCriterion {
  practice: string;
  evidence: string[];
}

export interface Requirement {
  id: string;
  title: string;
  /** How far public sources confirm this ID. */
  status: IdStatus;
  /** True where the short title is known to be uncertain. */
  titleDoubtful: boolean;
  intent: string;
  questions: string[];
  evidence: string[];
  mappings: Mappings;
  /** What the practice looks like at each level, with typical evidence. */
  levels?: Record<CriteriaLevel, LevelCriterion>;
  /** Where our reading is uncertain, with the alternatives. */
  readingDoubt?: { note: string; alternatives: string[] };
  elementId: string;
  speId: string;
}

export interface Element {
  id: string;
  title: string;
  summary: string;
  speId: string;
  requirements: Requirement[];
}

export interface Spe {
  number: number;
  id: string;
  title: string;
  summary: string;
  /** The clause number, for editions organised by clause (2010). */
  clause?: string;
  elements: Element[];
}

export interface LevelNames {
  spe: string;
  element: string;
  requirement: string;
}

export interface Catalogue {
  id: string;
  edition: string;
  version: string;
  title: string;
  notice: string;
  levels: LevelNames;
  spes: Spe[];
}

/** A catalogue file as read from disk or bundled into the app. */
export interface SourceFile {
  name: string;
  text: string;
}
