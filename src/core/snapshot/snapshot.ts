/**
 * The workbook snapshot: one versioned, plain-JSON shape of everything a document needs. The app
 * builds it from its database, the command line reads it from a file, and the document builders take
 * nothing else. Scores are computed here with the same functions the dashboard uses.
 */
import type { ChainVerdict } from '../audit/chain';
import type { LastChange } from '../audit/lastChange';
import type { OverlayEntry } from '../catalogue/overlay';
import { indexCatalogue } from '../catalogue/lookup';
import type { Catalogue } from '../catalogue/types';
import type { PrintedReview } from '../review/printed';
import { scoreAssessment, type RequirementScore, type Rollup } from '../scoring/score';
import type { Action, Assessment, Evidence, EvidenceLink, Organization, Person, Response, Site } from '../records/model';

export const SNAPSHOT_FORMAT = 1;

export interface SnapshotScores {
  overall: Rollup;
  spes: Record<string, Rollup>;
  elements: Record<string, Rollup>;
  requirements: Record<string, RequirementScore>;
  gaps: RequirementScore[];
}

export interface ChangeLogAttestation {
  entries: number;
  firstAt: string | null;
  lastAt: string | null;
  headHash: string;
  verified: boolean;
  /** Where the chain breaks, when it does. */
  brokenAt: number | null;
  reason: string | null;
}

export interface WorkbookSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  generatedAt: string;
  /** The day expiry and overdue are judged against (YYYY-MM-DD). */
  today: string;
  app: { name: string; version: string };
  organization: Pick<Organization, 'name' | 'classification'>;
  site: Pick<Site, 'name' | 'location'>;
  people: Pick<Person, 'name' | 'role' | 'email'>[];
  preparedBy: Pick<Person, 'name' | 'role'> | null;
  assessment: Assessment;
  catalogue: Catalogue;
  responses: Response[];
  evidence: Evidence[];
  links: EvidenceLink[];
  actions: Action[];
  scores: SnapshotScores;
  changeLog: ChangeLogAttestation;
  /** Licensed official text, present only when the user chose to include it. */
  licensedText: OverlayEntry[] | null;
  /** Who last changed each answer and when, by requirement ID, as the change log says; absent without a log. */
  lastChange?: Record<string, LastChange>;
  /** Reviews received for the assessment, each verdict marked stale where the requirement changed since; absent when none. */
  reviews?: PrintedReview[];
  /**
   * Evidence IDs whose file was found missing or changed when the snapshot was made (the store's or the
   * bundle's check): computed by that check, never stored. Absent when every file read back intact.
   */
  damagedEvidence?: string[];
}

export interface SnapshotInput {
  generatedAt: string;
  today: string;
  app: WorkbookSnapshot['app'];
  organization: WorkbookSnapshot['organization'];
  site: WorkbookSnapshot['site'];
  people: WorkbookSnapshot['people'];
  preparedBy: WorkbookSnapshot['preparedBy'];
  assessment: Assessment;
  catalogue: Catalogue;
  responses: readonly Response[];
  evidence: readonly Evidence[];
  links: readonly EvidenceLink[];
  actions: readonly Action[];
  chain: ChainVerdict;
  licensedText: OverlayEntry[] | null;
  lastChange?: Record<string, LastChange>;
  reviews?: PrintedReview[];
  damagedEvidence?: readonly string[];
}

export function attestationOf(chain: ChainVerdict): ChangeLogAttestation {
  return chain.ok
    ? {
        entries: chain.count,
        firstAt: chain.first ?? null,
        lastAt: chain.last ?? null,
        headHash: chain.head,
        verified: true,
        brokenAt: null,
        reason: null,
      }
    : { entries: chain.count, firstAt: null, lastAt: null, headHash: '', verified: false, brokenAt: chain.seq, reason: chain.reason };
}

/** Only the records of this assessment, and only the evidence its requirements link. */
export function createSnapshot(input: SnapshotInput): WorkbookSnapshot {
  const { assessment } = input;
  const responses = input.responses.filter((r) => r.assessmentId === assessment.id);
  const links = input.links.filter((l) => l.assessmentId === assessment.id);
  const linked = new Set(links.map((l) => l.evidenceId));
  const evidence = input.evidence.filter((e) => linked.has(e.id)).sort((a, b) => a.number - b.number);
  const actions = input.actions.filter((a) => a.assessmentId === assessment.id);
  const damaged = (input.damagedEvidence ?? []).filter((id) => linked.has(id)).sort();
  const scores = scoreAssessment(indexCatalogue(input.catalogue), {
    assessment,
    responses,
    links,
    evidence,
    actions,
    today: input.today,
    damagedEvidence: damaged,
  });
  return {
    format: SNAPSHOT_FORMAT,
    generatedAt: input.generatedAt,
    today: input.today,
    app: input.app,
    organization: input.organization,
    site: input.site,
    people: input.people,
    preparedBy: input.preparedBy,
    assessment,
    catalogue: input.catalogue,
    responses,
    evidence,
    links,
    actions,
    scores: {
      overall: scores.overall,
      spes: Object.fromEntries(scores.spes),
      elements: Object.fromEntries(scores.elements),
      requirements: Object.fromEntries(scores.requirements),
      gaps: scores.gaps,
    },
    changeLog: attestationOf(input.chain),
    licensedText: input.licensedText,
    ...(input.lastChange ? { lastChange: input.lastChange } : {}),
    ...(input.reviews?.length ? { reviews: input.reviews } : {}),
    ...(damaged.length ? { damagedEvidence: damaged } : {}),
  };
}
