/**
 * The bundles a portfolio is made of, as little of each as it needs: the records (no evidence bytes, no
 * licensed text, no log) and the log's verdict, taken when the bundle was read and checked. Also: which
 * assessment stands for a site, and the bundles that must not sit in one portfolio together.
 */
import type { ChainVerdict } from '../audit/chain';
import type { BundleHeader, BundleRecords } from '../bundle/contents';
import type { VerifiedBundle } from '../bundle/verify';
import { bundleVerdict } from '../snapshot/fromBundle';
import type { Assessment, Site } from '../records/model';

export interface PortfolioBundle {
  /** Tells apart two loaded bundles, even of the same file name. */
  key: string;
  /** The file's name as the user picked it: every message names it. */
  fileName: string;
  header: Pick<BundleHeader, 'app' | 'createdAt' | 'scope' | 'log'>;
  records: BundleRecords;
  /** The change log's verdict when the bundle was read; the log itself is not kept. */
  chain: ChainVerdict;
  /** Why the log does not vouch for the records, or null. */
  logProblem: string | null;
}

/** What the portfolio keeps of a verified bundle. */
export function portfolioBundle(key: string, fileName: string, bundle: VerifiedBundle): PortfolioBundle {
  const { app, createdAt, scope, log } = bundle.header;
  return {
    key,
    fileName,
    header: { app, createdAt, scope, log },
    // Licensed text is for readers licensed to it; a summary across sites never prints it.
    records: { ...bundle.records, overlays: [] },
    chain: bundleVerdict(bundle),
    logProblem: bundle.logProblem,
  };
}

export interface BundleSite {
  bundle: PortfolioBundle;
  site: Site;
  /** The site's assessments in the bundle. */
  assessments: Assessment[];
}

/** The sites of a bundle that hold at least one assessment. */
export function sitesOf(bundle: PortfolioBundle): BundleSite[] {
  return bundle.records.sites
    .map((site) => ({ bundle, site, assessments: bundle.records.assessments.filter((a) => a.siteId === site.id) }))
    .filter((s) => s.assessments.length > 0);
}

/** Newest period first; a later start, then a later change, breaks a tie. */
function newestFirst(a: Assessment, b: Assessment): number {
  return (
    b.periodEnd.localeCompare(a.periodEnd) ||
    b.periodStart.localeCompare(a.periodStart) ||
    b.updatedAt.localeCompare(a.updatedAt) ||
    a.id.localeCompare(b.id)
  );
}

/** The site's assessments as offered to choose from: newest first, archived ones last. */
export function assessmentChoices(assessments: readonly Assessment[]): Assessment[] {
  return [...assessments].sort((a, b) => Number(a.archived) - Number(b.archived) || newestFirst(a, b));
}

/** The assessment named for the site when it has it, else its latest (an archived one only when nothing else is left). */
export function chooseSiteAssessment(assessments: readonly Assessment[], named?: string): { assessment: Assessment; named: boolean } {
  const found = named === undefined ? undefined : assessments.find((a) => a.id === named);
  if (found) return { assessment: found, named: true };
  return { assessment: assessmentChoices(assessments)[0]!, named: false };
}

export interface Duplicate {
  /** The two files, in the order they were added. */
  files: [string, string];
  keys: [string, string];
  message: string;
}

const normal = (text: string | undefined) => (text ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

function sameBundle(a: PortfolioBundle, b: PortfolioBundle): boolean {
  const scopeOf = (p: PortfolioBundle) => (p.header.scope.kind === 'workbook' ? 'workbook' : p.header.scope.assessmentId);
  return a.header.log.head === b.header.log.head && a.header.log.count === b.header.log.count && scopeOf(a) === scopeOf(b);
}

/** A site both bundles hold: the same record, or the same name within the same organization. */
function sharedSite(a: PortfolioBundle, b: PortfolioBundle): Site | undefined {
  const sameOrganization = normal(a.records.organization?.name) === normal(b.records.organization?.name);
  const theirs = sitesOf(b).map((s) => s.site);
  return sitesOf(a)
    .map((s) => s.site)
    .find((site) => theirs.some((other) => other.id === site.id || (sameOrganization && normal(other.name) === normal(site.name))));
}

/**
 * Pairs of bundles that cannot both count: the same bundle added twice, or two bundles of one site
 * (two assessments of a site would count it twice). The user keeps the one they mean.
 */
export function findDuplicates(bundles: readonly PortfolioBundle[]): Duplicate[] {
  const out: Duplicate[] = [];
  bundles.forEach((a, i) => {
    for (const b of bundles.slice(i + 1)) {
      const files: [string, string] = [a.fileName, b.fileName];
      const keys: [string, string] = [a.key, b.key];
      if (sameBundle(a, b)) {
        const message =
          a.fileName === b.fileName
            ? `“${a.fileName}” was added twice. Remove one of them.`
            : `“${a.fileName}” and “${b.fileName}” are the same bundle (the same records and change log). Remove one of them.`;
        out.push({ files, keys, message });
        continue;
      }
      const site = sharedSite(a, b);
      if (site) {
        const organization = a.records.organization?.name;
        out.push({
          files,
          keys,
          message: `“${a.fileName}” and “${b.fileName}” both hold the site “${site.name}”${organization ? ` of ${organization}` : ''}. A site counts once: remove the bundle you do not want in the portfolio.`,
        });
      }
    }
  });
  return out;
}
