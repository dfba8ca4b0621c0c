/** The requirement catalogue as the app uses it: SPEs → elements → requirements. */

export type IdStatus = 'confirmed' | 'element-level' | 'unconfirmed';

export interface Mappings {
  /** Related IEC 62443-3-3 system requirements (informative). */
  iec62443_3_3: string[];
  /** NIST CSF 2.0 categories chosen by topic: this project's own, informative mapping. */
  nistCsf2: string[];
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
