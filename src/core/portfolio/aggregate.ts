/**
 * The portfolio: many sites side by side, each from its own bundle. For every site one assessment (the
 * one named, or its latest) is scored by the one scoring module through its snapshot; the figures are
 * read from those scores, never stored. Across sites: the requirements below target at the most sites,
 * ties kept, and each site's overdue actions as of the chosen day.
 */
import { indexCatalogue, type CatalogueIndex } from '../catalogue/lookup';
import type { Catalogue } from '../catalogue/types';
import type { Action, Assessment } from '../records/model';
import { byDueDate, isOverdueAction } from '../rules/rules';
import { compareIds, type Rollup } from '../scoring/score';
import { snapshotFromRecords } from '../snapshot/fromBundle';
import { assessmentChoices, chooseSiteAssessment, findDuplicates, sitesOf, type Duplicate, type PortfolioBundle } from './bundles';

export interface PortfolioOptions {
  catalogue(id: string): Catalogue | undefined;
  /** YYYY-MM-DD: overdue (and expiry) are judged on this day. */
  asOf: string;
  /** The assessment to use for a site, by site key (see siteKey); otherwise its latest. */
  chosen?: Readonly<Record<string, string>>;
  /** How many requirements below target to list; more are listed when they tie with the last. */
  top?: number;
  app: { name: string; version: string };
  now: Date;
}

export interface PortfolioSite {
  key: string;
  fileName: string;
  siteName: string;
  location: string;
  organization: string;
  /** The organization's marking, as its bundle gives it ('' when none). */
  classification: string;
  assessment: Assessment;
  /** Every assessment of the site the bundle holds, as offered to choose from. */
  choices: Pick<Assessment, 'id' | 'name' | 'periodStart' | 'periodEnd' | 'archived'>[];
  /** Whether the assessment was named by the user (else it is the latest). */
  named: boolean;
  catalogue: { id: string; edition: string };
  logVerified: boolean;
  /** Why the change log does not vouch for the records, when it does not. */
  logProblem: string | null;
  overall: Rollup;
  spes: Record<string, Rollup>;
  /** Open actions due before the portfolio's day, earliest first. */
  overdue: Action[];
}

export interface SpeRow {
  speId: string;
  title: string;
  /** One per site, in the sites' order; null where the SPE is not in the site's scope. */
  cells: (Rollup | null)[];
}

export interface BelowTargetRow {
  catalogueId: string;
  requirementId: string;
  title: string;
  /** The sites where it is below target, in the sites' order. */
  sites: string[];
}

export interface Portfolio {
  asOf: string;
  sites: PortfolioSite[];
  spes: SpeRow[];
  belowTarget: {
    rows: BelowTargetRow[];
    /** Requirements below target somewhere that are not listed (fewer sites than the last listed). */
    more: number;
    /** Requirements below target at one site or more. */
    total: number;
  };
  /** Sites that could not be scored, and why. */
  leftOut: { fileName: string; siteName: string; reason: string }[];
}

export type PortfolioOutcome = { ok: true; portfolio: Portfolio } | { ok: false; duplicates: Duplicate[] };

export const DEFAULT_TOP = 10;

export function siteKey(bundleKey: string, siteId: string): string {
  return `${bundleKey}/${siteId}`;
}

/** Keeps the first `top` rows, and every further row that ties with the last of them. */
export function topWithTies<T>(rows: readonly T[], top: number, count: (row: T) => number): T[] {
  const keep = Math.max(1, top);
  if (rows.length <= keep) return [...rows];
  const last = count(rows[keep - 1]!);
  let end = keep;
  while (end < rows.length && count(rows[end]!) === last) end += 1;
  return rows.slice(0, end);
}

export function buildPortfolio(bundles: readonly PortfolioBundle[], options: PortfolioOptions): PortfolioOutcome {
  const duplicates = findDuplicates(bundles);
  if (duplicates.length) return { ok: false, duplicates };
  const sites: PortfolioSite[] = [];
  const leftOut: Portfolio['leftOut'] = [];
  const catalogues = new Map<string, CatalogueIndex>();
  const below = new Map<string, BelowTargetRow>();
  // Ties are listed in catalogue order, as every other list of requirements is.
  const order = new Map<string, number>();
  for (const bundle of bundles) {
    const held = sitesOf(bundle);
    if (!held.length) leftOut.push({ fileName: bundle.fileName, siteName: '', reason: 'it holds no assessment of any site' });
    for (const { site, assessments } of held) {
      const key = siteKey(bundle.key, site.id);
      const { assessment, named } = chooseSiteAssessment(assessments, options.chosen?.[key]);
      const catalogue = options.catalogue(assessment.catalogueId);
      if (!catalogue) {
        leftOut.push({
          fileName: bundle.fileName,
          siteName: site.name,
          reason: `its assessment uses the catalogue “${assessment.catalogueId}”, which this version does not have`,
        });
        continue;
      }
      const index = catalogues.get(catalogue.id) ?? indexCatalogue(catalogue);
      catalogues.set(catalogue.id, index);
      const snapshot = snapshotFromRecords(bundle.records, bundle.chain, assessment, catalogue, {
        app: options.app,
        now: options.now,
        today: options.asOf,
        licensedText: null,
      });
      for (const gap of snapshot.scores.gaps) {
        const id = `${catalogue.id}\u0000${gap.requirementId}`;
        const row = below.get(id) ?? {
          catalogueId: catalogue.id,
          requirementId: gap.requirementId,
          title: index.requirement(gap.requirementId)?.title ?? '',
          sites: [],
        };
        row.sites.push(site.name);
        below.set(id, row);
        if (!order.has(id))
          order.set(
            id,
            index.requirements.findIndex((r) => r.id === gap.requirementId),
          );
      }
      sites.push({
        key,
        fileName: bundle.fileName,
        siteName: site.name,
        location: site.location,
        organization: snapshot.organization.name,
        classification: snapshot.organization.classification,
        assessment,
        choices: assessmentChoices(assessments).map(({ id, name, periodStart, periodEnd, archived }) => ({
          id,
          name,
          periodStart,
          periodEnd,
          archived,
        })),
        named,
        catalogue: { id: catalogue.id, edition: catalogue.edition },
        logVerified: snapshot.changeLog.verified,
        logProblem: bundle.logProblem ?? (snapshot.changeLog.verified ? null : snapshot.changeLog.reason),
        overall: snapshot.scores.overall,
        spes: snapshot.scores.spes,
        overdue: snapshot.actions.filter((a) => isOverdueAction(a, options.asOf)).sort(byDueDate),
      });
    }
  }
  const spes: SpeRow[] = [];
  const seen = new Set<string>();
  for (const { catalogue } of catalogues.values()) {
    for (const spe of catalogue.spes) {
      if (seen.has(spe.id) || !sites.some((s) => s.spes[spe.id])) continue;
      seen.add(spe.id);
      spes.push({ speId: spe.id, title: spe.title, cells: sites.map((s) => s.spes[spe.id] ?? null) });
    }
  }
  const ranked = [...below.entries()]
    .sort(
      ([ka, a], [kb, b]) =>
        b.sites.length - a.sites.length ||
        a.catalogueId.localeCompare(b.catalogueId) ||
        order.get(ka)! - order.get(kb)! ||
        compareIds(a.requirementId, b.requirementId),
    )
    .map(([, row]) => row);
  const rows = topWithTies(ranked, options.top ?? DEFAULT_TOP, (r) => r.sites.length);
  return {
    ok: true,
    portfolio: {
      asOf: options.asOf,
      sites,
      spes,
      belowTarget: { rows, more: ranked.length - rows.length, total: ranked.length },
      leftOut,
    },
  };
}

/** The sites' own markings, each once, joined: what a summary of them is marked when no marking is chosen. */
export function portfolioMarking(portfolio: Pick<Portfolio, 'sites'>): string {
  return [...new Set(portfolio.sites.map((s) => s.classification.trim()).filter(Boolean))].join(' / ');
}
