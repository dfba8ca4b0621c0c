/**
 * The marking a document carries: the one chosen at export (else the organization's), raised to the
 * highest marking of any evidence item it includes. Markings are compared only within a known scheme;
 * any that cannot be compared are named, never dropped.
 */
import { visibleText } from '../format/visibleText';
import type { Evidence } from '../records/model';

interface Scheme {
  name: string;
  /** The canonical label of each level, lowest first. */
  labels: readonly string[];
  /** A marking's comparison key (upper case, no spaces) → its level. */
  levels: ReadonlyMap<string, number>;
}

function scheme(name: string, labels: readonly string[], aliases: Record<string, number>): Scheme {
  const levels = new Map(labels.map((label, i) => [keyOf(label), i]));
  for (const [alias, level] of Object.entries(aliases)) levels.set(keyOf(alias), level);
  return { name, labels, levels };
}

/** Case, spaces and width do not matter: "tlp : amber", "TLP:AMBER" and "ＴＬＰ：ＡＭＢＥＲ" are one marking. */
function keyOf(marking: string): string {
  return visibleText(marking).normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}

const SCHEMES: readonly Scheme[] = [
  // Traffic Light Protocol 2.0; WHITE is the 1.0 name of CLEAR.
  scheme('TLP', ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'], { 'TLP:WHITE': 0 }),
  // The levels most company policies use.
  scheme('company', ['Public', 'Internal', 'Confidential', 'Restricted', 'Secret'], {
    'Internal use only': 1,
    'Strictly confidential': 4,
  }),
];

export interface Rank {
  scheme: Scheme;
  level: number;
}

/** Where a marking sits in a known scheme, or null for one this app cannot compare. */
export function rankOf(marking: string): Rank | null {
  const key = keyOf(marking);
  for (const s of SCHEMES) {
    const level = s.levels.get(key);
    if (level !== undefined) return { scheme: s, level };
  }
  return null;
}

/** An evidence item's own marking as printed: visible text only; empty when it has none. */
export function markingOf(evidence: Pick<Evidence, 'classification'>): string {
  return visibleText(evidence.classification);
}

export interface UnrankedMarking {
  marking: string;
  evidenceIds: string[];
}

export interface MarkingDecision {
  /** The marking printed on every page. */
  marking: string;
  /** The marking chosen at export (or the organization's), before any raise. */
  chosen: string;
  /** The evidence items whose marking raised the document's, when it was raised. */
  raisedBy: string[];
  /** Evidence markings that could not be compared with the chosen one, each with its items. */
  unranked: UnrankedMarking[];
}

type MarkedItem = Pick<Evidence, 'id' | 'classification'>;

/** The chosen marking raised to the highest marking of the evidence, within the chosen marking's scheme. */
export function effectiveMarking(chosenMarking: string, evidence: readonly MarkedItem[]): MarkingDecision {
  const chosen = visibleText(chosenMarking);
  const chosenKey = keyOf(chosen);
  const chosenRank = rankOf(chosen);
  let top: { level: number; ids: string[] } | null = null;
  const unranked = new Map<string, UnrankedMarking>();
  // Workbooks repeat a handful of markings over thousands of items: each is read once.
  const read = new Map<string, { marking: string; key: string; rank: Rank | null }>();
  for (const item of evidence) {
    let seen = read.get(item.classification);
    if (!seen) {
      const marking = markingOf(item);
      seen = { marking, key: keyOf(marking), rank: rankOf(marking) };
      read.set(item.classification, seen);
    }
    const { marking, key, rank } = seen;
    if (key === '' || key === chosenKey) continue;
    if (!chosenRank || !rank || rank.scheme !== chosenRank.scheme) {
      const entry = unranked.get(key) ?? { marking, evidenceIds: [] };
      entry.evidenceIds.push(item.id);
      unranked.set(key, entry);
      continue;
    }
    if (rank.level <= chosenRank.level) continue;
    if (!top || rank.level > top.level) top = { level: rank.level, ids: [item.id] };
    else if (rank.level === top.level) top.ids.push(item.id);
  }
  const raised = top && chosenRank ? chosenRank.scheme.labels[top.level]! : null;
  return { marking: raised ?? chosen, chosen, raisedBy: top?.ids ?? [], unranked: [...unranked.values()] };
}

const MAX_UNRANKED_NAMED = 5;

/** "EV-0003", "EV-0003 and EV-0007", "EV-0003, EV-0007, EV-0009 and 4 more". */
function itemList(ids: readonly string[], shown = 3): string {
  const head = ids.slice(0, shown);
  const rest = ids.length - head.length;
  if (rest > 0) return `${head.join(', ')} and ${rest} more`;
  if (head.length === 1) return head[0]!;
  return `${head.slice(0, -1).join(', ')} and ${head.at(-1)}`;
}

/** What a reader is told about the marking: why it was raised, and which markings could not be compared. */
export function markingNotices(decision: MarkingDecision | undefined): string[] {
  const notices: string[] = [];
  if (!decision) return notices;
  if (decision.raisedBy.length) {
    const items = decision.raisedBy.length === 1 ? 'evidence item' : 'evidence items';
    const verb = decision.raisedBy.length === 1 ? 'is' : 'are';
    notices.push(
      `The marking was raised from ${decision.chosen} to ${decision.marking} because ${items} ${itemList(decision.raisedBy)} ${verb} marked ${decision.marking}.`,
    );
  }
  // A workbook may hold many markings of its own making; the first few are named, the rest counted.
  const named = decision.unranked.slice(0, MAX_UNRANKED_NAMED);
  for (const { marking, evidenceIds } of named) {
    const items = evidenceIds.length === 1 ? 'Evidence item' : 'Evidence items';
    const verb = evidenceIds.length === 1 ? 'is' : 'are';
    notices.push(
      `${items} ${itemList(evidenceIds)} ${verb} marked “${marking}”, which cannot be compared with ${decision.marking}: check that ${decision.marking} covers ${evidenceIds.length === 1 ? 'it' : 'them'}.`,
    );
  }
  const others = decision.unranked.length - named.length;
  if (others > 0) {
    notices.push(
      `${others} more ${others === 1 ? 'marking' : 'markings'} of evidence items cannot be compared with ${decision.marking} either: the evidence register shows each item’s marking.`,
    );
  }
  return notices;
}

/** Thrown when a document would carry no marking at all: the caller asks for one instead. */
export class MarkingMissingError extends Error {
  constructor() {
    super('The documents need a classification marking: choose one for the export or set the organization’s in Settings.');
    this.name = 'MarkingMissingError';
  }
}

/** The longest marking a person may choose: as long as the record schema allows. */
export const MARKING_MAX = 40;

export type MarkingChoiceResult = { marking: string } | { problem: 'invisible' | 'too-long' | 'missing' };

/**
 * The marking chosen for an export: the one typed, as a reader sees it; left empty, the organization's.
 * Text with nothing visible in it (a zero-width space, only spaces) is refused rather than read as empty.
 */
export function chooseMarking(typed: string | undefined, organization: string): MarkingChoiceResult {
  if (typed !== undefined && typed !== '') {
    if (typed.length > MARKING_MAX) return { problem: 'too-long' };
    const marking = visibleText(typed);
    return marking ? { marking } : { problem: 'invisible' };
  }
  const marking = visibleText(organization);
  return marking ? { marking } : { problem: 'missing' };
}
