/**
 * A snapshot made from a verified bundle's records, as the app makes one from its database: every score
 * computed by createSnapshot, and the change log attested only when the bundle's own check found that
 * the log vouches for the records. The command line and the portfolio both build theirs here.
 */
import { verifyChain, type ChainVerdict } from '../audit/chain';
import type { OverlayEntry } from '../catalogue/overlay';
import type { Catalogue } from '../catalogue/types';
import type { BundleRecords } from '../bundle/contents';
import type { VerifiedBundle } from '../bundle/verify';
import type { Assessment } from '../records/model';
import { settingsSchema, type SettingKey, type Settings } from '../records/settings';
import { todayLocal } from '../rules/rules';
import { createSnapshot, type WorkbookSnapshot } from './snapshot';

/** What the documents say about the log: the chain's own verdict, or why the bundle's check refused it. */
export function bundleVerdict(bundle: Pick<VerifiedBundle, 'log' | 'logProblem' | 'header'>): ChainVerdict {
  if (bundle.logProblem) {
    // Core words it about the bundle ("its change log is broken …"); the document speaks of the bundle.
    const reason = bundle.logProblem.replace(/^its /, 'the bundle’s ');
    return { ok: false, seq: 0, reason, count: bundle.log.length };
  }
  return verifyChain(bundle.log, { allowWithheld: bundle.header.scope.kind === 'assessment' });
}

/** A workbook setting the records carry (a one-assessment bundle carries none). */
export function settingOf<K extends SettingKey>(records: Pick<BundleRecords, 'settings'>, key: K): Settings[K] | undefined {
  const parsed = settingsSchema.shape[key].safeParse(records.settings.find((s) => s.key === key)?.value);
  return parsed.success ? (parsed.data as Settings[K]) : undefined;
}

export interface RecordsSnapshotOptions {
  app: { name: string; version: string };
  now: Date;
  /** The day overdue and expiry are judged on (YYYY-MM-DD); the local day of `now` when left out. */
  today?: string;
  /** The licensed text to print, or null to leave it out. */
  licensedText: OverlayEntry[] | null;
}

/** The snapshot of one assessment of the records. */
export function snapshotFromRecords(
  records: BundleRecords,
  chain: ChainVerdict,
  assessment: Assessment,
  catalogue: Catalogue,
  options: RecordsSnapshotOptions,
): WorkbookSnapshot {
  const people = [...records.people].sort((a, b) => a.name.localeCompare(b.name));
  const actor = people.find((p) => p.id === settingOf(records, 'actorId'));
  const site = records.sites.find((s) => s.id === assessment.siteId);
  return createSnapshot({
    generatedAt: options.now.toISOString(),
    today: options.today ?? todayLocal(options.now),
    app: options.app,
    organization: {
      name: records.organization?.name ?? '',
      // Without one, the documents are refused until a marking is chosen (the old evidence-default setting is not a guess to print).
      classification: records.organization?.classification ?? '',
    },
    site: { name: site?.name ?? '', location: site?.location ?? '' },
    people: people.map(({ name, role, email }) => ({ name, role, email })),
    preparedBy: actor ? { name: actor.name, role: actor.role } : null,
    assessment,
    catalogue,
    responses: records.responses,
    evidence: records.evidence,
    links: records.links,
    actions: records.actions,
    chain,
    licensedText: options.licensedText,
  });
}
