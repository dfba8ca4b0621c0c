/**
 * A synthetic workbook for load tests: the sample's organization, site, people and assessment, the
 * whole catalogue answered, and as many evidence items, links and actions as asked. Everything comes
 * from a seeded generator, so the same options and day give the same records byte for byte.
 *
 * Evidence is a mix of files, links and notes. Files are a few hundred bytes of text each and stop at
 * SYNTHETIC_MAX_FILES (the rest of the file share becomes notes), so a bundle of 50,000 items stays a
 * few megabytes of files and far below the bundle's entry count.
 */
import { chainEntry, verifyChain, type AuditEntry } from '../audit/chain';
import type { BundleInput } from '../bundle/build';
import { EMPTY_RECORDS, type BundleRecords } from '../bundle/contents';
import { creationLog } from '../bundle/newLog';
import type { Catalogue } from '../catalogue/types';
import { sha256Hex } from '../hashing/sha256';
import { formatEvidenceId } from '../records/evidenceId';
import type { Action, ActionPriority, ActionStatus, Evidence, EvidenceLink, MaturityLevel, Response } from '../records/model';
import { createSnapshot, type WorkbookSnapshot } from '../snapshot/snapshot';
import { sampleBundle } from './sampleBundle';
import { shiftDays } from './sampleData';

/** Files stop here; further file slots become notes. */
export const SYNTHETIC_MAX_FILES = 5_000;

type AppInfo = { name: string; version: string };

export interface SyntheticBundle {
  input: BundleInput;
  /** The bytes of each file evidence, by SHA-256. */
  files: Map<string, Uint8Array>;
}

export interface SyntheticOptions {
  /** Evidence items (at least 1). */
  evidence: number;
  /** Links in all, spread over the items (each at least one, none twice to one requirement). Default: three per item. */
  links?: number;
  /** Actions. Default: one per 20 evidence items, and at least one per requirement below its target. */
  actions?: number;
  /** The generator's seed; 1 unless given. */
  seed?: number;
}

export interface SyntheticRecords {
  /** The records as a bundle holds them (an answer names who changed it by person ID). */
  records: BundleRecords;
  /** The bytes of each file evidence, by SHA-256. */
  files: Map<string, Uint8Array>;
}

/** Mulberry32: small, fast and good enough to spread test data; not for anything secret. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The counts the options ask for, checked: a RangeError names the first one that cannot be met. */
export function syntheticCounts(options: SyntheticOptions, requirements: number): { evidence: number; links: number; actions: number } {
  const evidence = options.evidence;
  if (!Number.isInteger(evidence) || evidence < 1) throw new RangeError('the evidence count must be a whole number of at least 1');
  const links = options.links ?? evidence * Math.min(3, requirements);
  if (!Number.isInteger(links) || links < evidence || links > evidence * requirements) {
    throw new RangeError(
      `the link count must be a whole number from ${evidence} (one per item) to ${evidence * requirements} (every item on every requirement)`,
    );
  }
  const actions = options.actions ?? Math.floor(evidence / 20);
  if (!Number.isInteger(actions) || actions < 0) throw new RangeError('the action count must be a whole number');
  return { evidence, links, actions };
}

const TOPICS = ['procedure', 'record', 'drawing', 'log extract', 'minutes', 'test report', 'register', 'training record'];
const SYSTEMS = ['SCADA', 'historian', 'PLC cabinet 3', 'DMZ jump host', 'engineering workstation', 'pump station 7', 'telemetry'];
const PRIORITIES: ActionPriority[] = ['low', 'medium', 'high', 'critical'];
const STATUSES: ActionStatus[] = ['open', 'open', 'in-progress', 'done', 'cancelled'];

export function syntheticRecords(catalogue: Catalogue, now: Date, app: AppInfo, options: SyntheticOptions): SyntheticRecords {
  const base = sampleBundle(catalogue, now, app).input.records;
  const requirements = catalogue.spes.flatMap((s) => s.elements.flatMap((e) => e.requirements));
  const counts = syntheticCounts(options, requirements.length);
  const random = seeded(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const at = now.toISOString();
  const day = (offset: number) => shiftDays(now, offset);
  const people = base.people;
  const personName = (i: number) => people[i % people.length]!.name;
  const assessment = { ...base.assessments[0]!, scope: catalogue.spes.map((s) => s.id) };
  const classification = base.organization!.classification;

  const responses: Response[] = requirements.map((r, i) => {
    const roll = random();
    const applicable = roll >= 0.05;
    const achieved = !applicable || roll < 0.13 ? null : (Math.floor(random() * 5) as MaturityLevel);
    const targetLevel = random() < 0.2 ? (4 as MaturityLevel) : null;
    const target = targetLevel ?? assessment.defaultTargetLevel;
    return {
      assessmentId: assessment.id,
      requirementId: r.id,
      applicable,
      justification: applicable ? '' : `Not applicable at this site: no ${pick(SYSTEMS)} falls under ${r.id}.`,
      targetLevel,
      achievedLevel: achieved,
      narrative: applicable ? `Reviewed ${pick(TOPICS)}s for the ${pick(SYSTEMS)} against ${r.id}; interviewed the owner.` : '',
      gaps: achieved !== null && achieved < target ? `The ${pick(TOPICS)} for ${r.id} is not yet written down or not followed.` : '',
      reviewStatus: random() < 0.1 ? 'flagged' : 'none',
      reviewComment: '',
      carriedOver: false,
      updatedAt: at,
      updatedBy: personName(i),
    };
  });

  const files = new Map<string, Uint8Array>();
  const evidence: Evidence[] = [];
  const links: EvidenceLink[] = [];
  const perItem = Math.floor(counts.links / counts.evidence);
  const extra = counts.links % counts.evidence;
  const encoder = new TextEncoder();
  for (let n = 1; n <= counts.evidence; n += 1) {
    const id = formatEvidenceId(n);
    const first = Math.floor(random() * requirements.length);
    const topic = pick(TOPICS);
    const system = pick(SYSTEMS);
    const expiryRoll = random();
    const common = {
      id,
      number: n,
      title: `${topic[0]!.toUpperCase()}${topic.slice(1)} ${n} for the ${system} (${requirements[first]!.id})`,
      owner: personName(n),
      classification,
      collectedOn: day(-30 - Math.floor(random() * 300)),
      // One in eight expires: half of those already have.
      ...(expiryRoll < 0.0625 ? { expiresOn: day(-1 - Math.floor(random() * 120)) } : {}),
      ...(expiryRoll >= 0.0625 && expiryRoll < 0.125 ? { expiresOn: day(1 + Math.floor(random() * 365)) } : {}),
      createdAt: at,
      updatedAt: at,
    };
    const kindRoll = random();
    if (kindRoll < 0.2 && files.size < SYNTHETIC_MAX_FILES) {
      const bytes = encoder.encode(`Synthetic evidence ${id}: ${topic} for the ${system}.\nCollected ${common.collectedOn}.\n`);
      const sha256 = sha256Hex(bytes);
      files.set(sha256, bytes);
      evidence.push({
        ...common,
        kind: 'file',
        fileName: `${id}-${topic.replace(/ /g, '-')}.txt`,
        mediaType: 'text/plain',
        size: bytes.length,
        sha256,
      });
    } else if (kindRoll < 0.6) {
      evidence.push({ ...common, kind: 'link', location: `\\\\fileserver\\ot-security\\${system.replace(/ /g, '-')}\\${id}.pdf` });
    } else {
      evidence.push({ ...common, kind: 'note', note: `Seen on the walk-down of the ${system}: the ${topic} matches practice (${id}).` });
    }
    // Distinct requirements for this item: a stride coprime with the count never returns to the same one.
    const count = perItem + (n <= extra ? 1 : 0);
    let stride = 1 + Math.floor(random() * (requirements.length - 1));
    while (gcd(stride, requirements.length) !== 1) stride += 1;
    for (let k = 0; k < count; k += 1) {
      const requirementId = requirements[(first + k * stride) % requirements.length]!.id;
      links.push({ evidenceId: id, assessmentId: assessment.id, requirementId, createdAt: at });
    }
  }

  const belowTarget = responses.filter(
    (r) => r.achievedLevel !== null && r.achievedLevel < (r.targetLevel ?? assessment.defaultTargetLevel),
  );
  const actionCount = Math.max(counts.actions, options.actions === undefined ? belowTarget.length : 0);
  const actions: Action[] = [];
  for (let i = 0; i < actionCount; i += 1) {
    const requirementId = (belowTarget.length ? belowTarget[i % belowTarget.length]! : responses[i % responses.length]!).requirementId;
    const dueRoll = random();
    actions.push({
      id: `synthetic-action-${i + 1}`,
      assessmentId: assessment.id,
      requirementId,
      description: `Write, approve and put in place the ${pick(TOPICS)} for ${requirementId} on the ${pick(SYSTEMS)}.`,
      owner: personName(i),
      ...(dueRoll < 0.9 ? { dueDate: day(Math.floor(dueRoll * 400) - 90) } : {}),
      priority: pick(PRIORITIES),
      status: pick(STATUSES),
      createdAt: at,
      updatedAt: at,
    });
  }

  const idOf = new Map(people.map((p) => [p.name, p.id]));
  const records: BundleRecords = {
    ...EMPTY_RECORDS,
    organization: base.organization,
    sites: base.sites,
    people,
    assessments: [assessment],
    // In a workbook an answer records who changed it by person ID; the snapshot carries names.
    responses: responses.map((r) => ({ ...r, updatedBy: idOf.get(r.updatedBy) ?? r.updatedBy })),
    evidence,
    links,
    actions,
  };
  return { records, files };
}

/** The synthetic workbook as a bundle's input, with a change log that creates every record. */
export function syntheticBundle(catalogue: Catalogue, now: Date, app: AppInfo, options: SyntheticOptions): SyntheticBundle {
  const { records, files } = syntheticRecords(catalogue, now, app, options);
  const at = now.toISOString();
  return { input: { app, createdAt: at, records, log: creationLog(records, at, records.people[0]!.name) }, files };
}

/** The synthetic workbook as a scored snapshot, with a short genuine log of the answers (as the sample's). */
export function syntheticSnapshot(catalogue: Catalogue, now: Date, app: AppInfo, options: SyntheticOptions): WorkbookSnapshot {
  return snapshotOfRecords(syntheticRecords(catalogue, now, app, options).records, catalogue, now, app);
}

/** The snapshot of synthetic records: scored, as the app and the command line score them. */
export function snapshotOfRecords(records: BundleRecords, catalogue: Catalogue, now: Date, app: AppInfo): WorkbookSnapshot {
  const at = now.toISOString();
  const assessment = records.assessments[0]!;
  // A snapshot names who changed an answer; the bundle's records name them by person ID.
  const nameOf = new Map(records.people.map((p) => [p.id, p.name]));
  const responses = records.responses.map((r) => ({ ...r, updatedBy: nameOf.get(r.updatedBy) ?? r.updatedBy }));
  const log: AuditEntry[] = [];
  for (const r of responses) {
    const content = { at, actor: r.updatedBy, entity: 'response' as const, id: `${assessment.id}|${r.requirementId}` };
    log.push(chainEntry(log.at(-1), { ...content, change: { op: 'create', after: r } }));
  }
  const site = records.sites[0]!;
  const lead = records.people[0]!;
  return createSnapshot({
    generatedAt: at,
    today: shiftDays(now, 0),
    app,
    organization: { name: records.organization!.name, classification: records.organization!.classification },
    site: { name: site.name, location: site.location },
    people: records.people.map(({ name, role, email }) => ({ name, role, email })),
    preparedBy: { name: lead.name, role: lead.role },
    assessment,
    catalogue,
    responses,
    evidence: records.evidence,
    links: records.links,
    actions: records.actions,
    chain: verifyChain(log),
    licensedText: null,
  });
}
