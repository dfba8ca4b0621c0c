/**
 * The snapshot the documents are built from, made from a verified bundle's records as the app makes it
 * from its database: every score computed by createSnapshot, and the change log attested only when the
 * bundle's own check found that the log vouches for the records.
 */
import { lastChangeByRequirement } from '../core/audit/lastChange';
import { printedReviewsFromLog } from '../core/review/printed';
import type { BundleRecords } from '../core/bundle/contents';
import type { VerifiedBundle } from '../core/bundle/bundle';
import { printableName } from '../core/bundle/entryNames';
import type { Assessment } from '../core/records/model';
import { bundleVerdict, snapshotFromRecords } from '../core/snapshot/fromBundle';
import type { WorkbookSnapshot } from '../core/snapshot/snapshot';
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

// The pure part lives in core, shared with the portfolio.
export { bundleVerdict };

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
  const snapshot = snapshotFromRecords(records, bundleVerdict(bundle), assessment, catalogue, {
    app: options.app,
    now: options.now ?? new Date(),
    licensedText: options.includeLicensedText ? (overlay?.entries ?? []) : null,
  });
  // Who last changed each answer, from the bundle's own log as the app reads its own; the attestation
  // says whether that log verified.
  const reviews = printedReviewsFromLog(records.reviews, bundle.log, assessment.id);
  return {
    ...snapshot,
    lastChange: lastChangeByRequirement(bundle.log, assessment.id),
    ...(reviews.length ? { reviews } : {}),
  };
}
