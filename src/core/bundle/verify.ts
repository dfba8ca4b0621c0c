/**
 * Everything a reader checks before it believes a bundle, in the order a person would want to hear
 * about it: the manifest and every hash, the format version, the shape of every file, the records
 * against the one schema and each other, the change log's chain and its head, and finally the
 * records against the states the log recorded. The first problem is thrown as one sentence.
 */
import type { z } from 'zod';
import { chainEntry, verifyChain, type AuditEntry } from '../audit/chain';
import { reconcile } from '../audit/reconcile';
import { describeShapeProblem, findShapeProblem } from '../validation/forbiddenKeys';
import {
  bundleHeaderSchema,
  bundleRecordsSchema,
  isWithheld,
  logEntrySchema,
  withheldEntrySchema,
  type BundleHeader,
  type BundleLogEntry,
  type BundleRecords,
} from './contents';
import { BUNDLE_FORMAT_VERSION, BUNDLE_LIMITS, BUNDLE_PATHS } from './format';
import { checkManifest, parseManifest } from './manifest';
import { recordDigests } from './recordIds';
import { BundleError, type ZipContents } from './zip';

export interface VerifiedBundle {
  header: BundleHeader;
  records: BundleRecords;
  /** The log as it will stand: upgraded from an older format where needed. */
  log: BundleLogEntry[];
  /** The format the file was written in, when older than this version's. */
  upgradedFrom: number | null;
  /**
   * Why the change log cannot vouch for the records (broken chain, cut log, records changed around
   * it), or null. A report still shows such a bundle, saying so; an import refuses it.
   */
  logProblem: string | null;
}

/** For imports: a bundle whose log does not vouch for its records is refused. */
export function requireIntactLog(bundle: VerifiedBundle): VerifiedBundle {
  if (bundle.logProblem) throw new BundleError(bundle.logProblem);
  return bundle;
}

export const UPGRADE_ACTOR = 'CSMS Workbook (upgrade)';

export function newerBundleMessage(format: number): string {
  return `it was made by a newer version of CSMS Workbook (bundle format ${format}; this version reads up to ${BUNDLE_FORMAT_VERSION}). Update the app to open it`;
}

function firstIssue(error: z.ZodError, file: string): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? ` (at ${issue.path.slice(0, 6).join('.')})` : '';
  return `${file} is not valid: ${issue.message.slice(0, 200)}${where}`;
}

function parseJson(text: string, file: string, maxValues: number): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BundleError(`${file} is not valid JSON`);
  }
  const shape = findShapeProblem(value, { maxDepth: BUNDLE_LIMITS.depth, maxValues });
  if (shape) throw new BundleError(`${file}: ${describeShapeProblem(shape)}`);
  return value;
}

function parseLog(text: string): BundleLogEntry[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length > BUNDLE_LIMITS.logEntries) throw new BundleError('the change log has more entries than a bundle may hold');
  return lines.map((line, i) => parseLogLine(line, `line ${i + 1} of ${BUNDLE_PATHS.log}`));
}

/** One line of the change log, bounded and checked against the entry schema; `where` names it in the error. */
export function parseLogLine(line: string, where: string): BundleLogEntry {
  if (line.length > BUNDLE_LIMITS.logLineChars) throw new BundleError(`${where} is too long`);
  const value = parseJson(line, where, 200_000);
  const schema = value !== null && typeof value === 'object' && 'withheld' in value ? withheldEntrySchema : logEntrySchema;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BundleError(firstIssue(parsed.error, where));
  return parsed.data as BundleLogEntry;
}

/** Records that point at records the bundle does not have, or appear twice. */
function referenceProblem(records: BundleRecords, evidenceFiles: ReadonlyMap<string, number>, header: BundleHeader): string | null {
  const digests = recordDigests(records);
  const seen = new Set<string>();
  for (const d of digests) {
    const key = `${d.entity} ${d.id}`;
    if (seen.has(key)) return `the ${d.entity} ${d.id.split('|').join(' / ')} appears twice`;
    seen.add(key);
  }
  const assessments = new Set(records.assessments.map((a) => a.id));
  const sites = new Set(records.sites.map((s) => s.id));
  const evidence = new Map(records.evidence.map((e) => [e.id, e]));
  const numbers = new Set<number>();
  for (const a of records.assessments) if (!sites.has(a.siteId)) return `the assessment "${a.name}" names a site the bundle does not have`;
  for (const r of records.responses)
    if (!assessments.has(r.assessmentId)) return `an answer to ${r.requirementId} belongs to no assessment in the bundle`;
  for (const r of records.reviews)
    if (!assessments.has(r.assessmentId)) return `a review of "${r.assessmentName.slice(0, 60)}" belongs to no assessment in the bundle`;
  for (const a of records.actions)
    if (!assessments.has(a.assessmentId)) return `the action "${a.description.slice(0, 60)}" belongs to no assessment in the bundle`;
  for (const l of records.links) {
    if (!assessments.has(l.assessmentId)) return `a link of ${l.evidenceId} belongs to no assessment in the bundle`;
    if (!evidence.has(l.evidenceId)) return `a link names ${l.evidenceId}, which the bundle does not have`;
  }
  for (const e of records.evidence) {
    if (numbers.has(e.number)) return `two evidence items have the number ${e.number}`;
    numbers.add(e.number);
    if (e.kind === 'file') {
      if (!e.sha256) return `${e.id} is a file without a SHA-256`;
      if (!evidenceFiles.has(e.sha256)) return `the file of ${e.id} is missing from the bundle`;
      if (evidenceFiles.get(e.sha256) !== e.size) return `the file of ${e.id} does not have the size its record gives`;
    }
  }
  const needed = new Set(records.evidence.filter((e) => e.kind === 'file').map((e) => e.sha256));
  for (const sha of evidenceFiles.keys())
    if (!needed.has(sha)) return `the evidence file ${sha.slice(0, 12)}… belongs to no evidence record`;
  if (header.scope.kind === 'assessment') {
    const only = header.scope.assessmentId;
    if (records.assessments.length !== 1 || records.assessments[0]!.id !== only)
      return 'it says it holds one assessment but its records do not';
  }
  return null;
}

/** Format 1 logs recorded no states: a baseline entry per record is appended, as the database's own upgrade does. */
function upgradeFromFormat1(log: BundleLogEntry[], records: BundleRecords, at: string): BundleLogEntry[] {
  const out = [...log];
  let last = out.at(-1) as Pick<AuditEntry, 'seq' | 'hash'> | undefined;
  for (const digest of recordDigests(records)) {
    const entry = chainEntry(last, {
      at,
      actor: UPGRADE_ACTOR,
      entity: digest.entity,
      id: digest.id,
      change: { op: 'baseline' },
      state: digest.state,
    });
    out.push(entry);
    last = entry;
  }
  return out;
}

export function verifyBundle(contents: ZipContents, now: string): VerifiedBundle {
  const { texts } = contents;
  if (texts.header === undefined) throw new BundleError(`it has no ${BUNDLE_PATHS.header}: it is not a CSMS Workbook bundle`);
  if (texts.manifest === undefined) throw new BundleError(`it has no ${BUNDLE_PATHS.manifest}, so its files cannot be checked`);
  const listed = parseManifest(texts.manifest);
  if ('problem' in listed) throw new BundleError(listed.problem as string);
  const manifestProblem = checkManifest(listed, contents.hashes);
  if (manifestProblem) throw new BundleError(manifestProblem);

  const rawHeader = parseJson(texts.header, BUNDLE_PATHS.header, 1_000);
  const format = (rawHeader as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > BUNDLE_FORMAT_VERSION) throw new BundleError(newerBundleMessage(format));
  const header = bundleHeaderSchema.safeParse(rawHeader);
  if (!header.success) throw new BundleError(firstIssue(header.error, BUNDLE_PATHS.header));
  if (texts.records === undefined) throw new BundleError(`it has no ${BUNDLE_PATHS.records}`);
  if (texts.log === undefined) throw new BundleError(`it has no ${BUNDLE_PATHS.log}`);

  const rawRecords = parseJson(texts.records, BUNDLE_PATHS.records, BUNDLE_LIMITS.values);
  // Bundles before format 3 had no reviews; the list is added, never anything else.
  if (header.data.format < 3 && rawRecords && typeof rawRecords === 'object' && !Array.isArray(rawRecords) && !('reviews' in rawRecords)) {
    (rawRecords as Record<string, unknown>).reviews = [];
  }
  const records = bundleRecordsSchema.safeParse(rawRecords);
  if (!records.success) throw new BundleError(firstIssue(records.error, BUNDLE_PATHS.records));
  const referenced = referenceProblem(records.data, contents.evidence, header.data);
  if (referenced) throw new BundleError(referenced);

  const log = parseLog(texts.log);
  const oneAssessment = header.data.scope.kind === 'assessment';
  if (!oneAssessment && log.some(isWithheld))
    throw new BundleError('its change log leaves entries out, which only a one-assessment bundle may');
  const chain = verifyChain(log, { allowWithheld: oneAssessment });
  const upgradedFrom = header.data.format < BUNDLE_FORMAT_VERSION ? header.data.format : null;
  let logProblem: string | null = null;
  let finalLog = log;
  if (!chain.ok) logProblem = `its change log is broken at entry ${chain.seq}: ${chain.reason}`;
  else if (chain.count !== header.data.log.count || (chain.count > 0 && chain.head !== header.data.log.head)) {
    logProblem = `its change log does not end where the bundle says (${chain.count} entries instead of ${header.data.log.count}, or another last entry): the log was cut or rewritten`;
  } else {
    finalLog = upgradedFrom === 1 ? upgradeFromFormat1(log, records.data, now) : log;
    const verdict = reconcile(
      finalLog.filter((e): e is AuditEntry => !isWithheld(e)),
      recordDigests(records.data),
    );
    if (!verdict.ok) logProblem = `its records do not match its change log: ${verdict.problems[0]!.message}`;
  }
  return { header: header.data as BundleHeader, records: records.data, log: finalLog, upgradedFrom, logProblem };
}
