/**
 * The snapshot the documents are built from, made from a verified bundle's records as the app makes it
 * from its database: every score computed by createSnapshot, and the change log attested only when the
 * bundle's own check found that the log vouches for the records.
 */
import { verifyChain, type ChainVerdict } from '../core/audit/chain';
import type { BundleRecords } from '../core/bundle/contents';
import type { VerifiedBundle } from '../core/bundle/bundle';
import { printableName } from '../core/bundle/entryNames';
import type { Assessment } from '../core/records/model';
import { settingsSchema, type SettingKey, type Settings } from '../core/records/settings';
import { todayLocal } from '../core/rules/rules';
import { createSnapshot, type WorkbookSnapshot } from '../core/snapshot/snapshot';
import { findCatalogue } from './content';
import { InputError } from './errors';

const LISTED = 20;

function listed(assessments: readonly Assessment[]): string {
  const shown = assessments.slice(0, LISTED).map((a) => {
    const name = printableName(a.name.replace(/\s+/g, ' '));
    return `${a.id} ("${name.length > 60 ? `${name.slice(0, 60)}…` : name}")`;
  });
  const more = assessments.length - LISTED;
  return shown.join(', ') + (more > 0 ? `, and ${more} more` : '');
}

/** The assessment a command works on: the one asked for, or the only one the bundle holds. */
export function chooseAssessment(records: BundleRecords, file: string, wanted: string | undefined, command: string): Assessment {
  const { assessments } = records;
  if (wanted !== undefined) {
    const found = assessments.find((a) => a.id === wanted);
    if (found) return found;
    if (!assessments.length) throw new InputError(`${command}: ${file} holds no assessment`);
    throw new InputError(`${command}: ${file} has no assessment with the ID "${printableName(wanted)}"; it holds ${listed(assessments)}`);
  }
  if (assessments.length === 1) return assessments[0]!;
  if (!assessments.length) throw new InputError(`${command}: ${file} holds no assessment`);
  throw new InputError(
    `${command}: ${file} holds ${assessments.length} assessments; choose one with --assessment ID: ${listed(assessments)}`,
  );
}

/** What the documents say about the log: the chain's own verdict, or why the bundle's check refused it. */
export function bundleVerdict(bundle: VerifiedBundle): ChainVerdict {
  if (bundle.logProblem) {
    // Core words it about the bundle ("its change log is broken …"); the document speaks of the bundle.
    const reason = bundle.logProblem.replace(/^its /, 'the bundle’s ');
    return { ok: false, seq: 0, reason, count: bundle.log.length };
  }
  return verifyChain(bundle.log, { allowWithheld: bundle.header.scope.kind === 'assessment' });
}

/** A workbook setting the bundle carries (a one-assessment bundle carries none). */
function settingOf<K extends SettingKey>(records: BundleRecords, key: K): Settings[K] | undefined {
  const parsed = settingsSchema.shape[key].safeParse(records.settings.find((s) => s.key === key)?.value);
  return parsed.success ? (parsed.data as Settings[K]) : undefined;
}

export interface BundleSnapshotOptions {
  file: string;
  command: string;
  includeLicensedText: boolean;
  app: { name: string; version: string };
  now?: Date;
}

export function snapshotFromBundle(bundle: VerifiedBundle, assessment: Assessment, options: BundleSnapshotOptions): WorkbookSnapshot {
  const { records } = bundle;
  const catalogue = findCatalogue(assessment.catalogueId);
  if (!catalogue) {
    throw new InputError(
      `${options.command}: ${options.file}: the assessment uses the catalogue "${printableName(assessment.catalogueId)}", which this version does not have`,
    );
  }
  const overlay = records.overlays.find((o) => o.catalogueId === assessment.catalogueId);
  if (options.includeLicensedText && !overlay?.entries.length) {
    throw new InputError(`${options.command}: --licensed-text: ${options.file} holds no licensed text for ${assessment.catalogueId}`);
  }
  const people = [...records.people].sort((a, b) => a.name.localeCompare(b.name));
  const actor = people.find((p) => p.id === settingOf(records, 'actorId'));
  const site = records.sites.find((s) => s.id === assessment.siteId);
  const now = options.now ?? new Date();
  return createSnapshot({
    generatedAt: now.toISOString(),
    today: todayLocal(now),
    app: options.app,
    organization: {
      name: records.organization?.name ?? '',
      // Without one, the documents print that no classification was set rather than a guess.
      classification: records.organization?.classification || (settingOf(records, 'classification') ?? ''),
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
    chain: bundleVerdict(bundle),
    licensedText: options.includeLicensedText ? (overlay?.entries ?? []) : null,
  });
}
