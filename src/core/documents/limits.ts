/**
 * How much one document set may hold, decided from the counts before anything is built. docx keeps
 * a whole document in memory while it packs, so a workbook past these bounds would exhaust the memory
 * of the command line or the export worker part-way through; it is refused up front instead, with one
 * sentence naming the count and the bound. The bounds are those of a snapshot file (50,000 evidence
 * items, 200,000 links), which measured well inside a 1.5 GB heap (bench/documents.ts), and a total of
 * printed text that keeps the largest document's XML to a few hundred megabytes.
 */
import type { WorkbookSnapshot } from '../snapshot/snapshot';

export interface DocumentLimits {
  evidence: number;
  links: number;
  actions: number;
  /** Characters of user text the documents print: answers, evidence and actions together. */
  textChars: number;
}

export const DOCUMENT_LIMITS: Readonly<DocumentLimits> = Object.freeze({
  evidence: 50_000,
  links: 200_000,
  actions: 20_000,
  textChars: 40_000_000,
});

/** A workbook too large for one document set; the message is one plain sentence for the person exporting. */
export class DocumentLimitError extends Error {
  override name = 'DocumentLimitError';
}

function textChars(snapshot: WorkbookSnapshot): number {
  let total = 0;
  for (const r of snapshot.responses) total += r.narrative.length + r.gaps.length + r.justification.length + r.reviewComment.length;
  for (const e of snapshot.evidence)
    total += e.title.length + (e.fileName?.length ?? 0) + (e.location?.length ?? 0) + (e.note?.length ?? 0);
  for (const a of snapshot.actions) total += a.description.length;
  return total;
}

const count = (n: number) => n.toLocaleString('en');

/** The sentence saying why the documents cannot be built, or null when the workbook fits. */
export function documentLimitProblem(snapshot: WorkbookSnapshot, limits: Readonly<DocumentLimits> = DOCUMENT_LIMITS): string | null {
  const over = (what: string, n: number, max: number) =>
    n > max
      ? `The documents were not built: this assessment has ${count(n)} ${what} and a document set holds at most ${count(max)}.`
      : null;
  return (
    over('evidence items', snapshot.evidence.length, limits.evidence) ??
    over('evidence links', snapshot.links.length, limits.links) ??
    over('actions', snapshot.actions.length, limits.actions) ??
    over('characters of text in answers, evidence and actions', textChars(snapshot), limits.textChars)
  );
}

/** Throws a DocumentLimitError when the workbook is past the bounds. */
export function checkDocumentLimits(snapshot: WorkbookSnapshot, limits: Readonly<DocumentLimits> = DOCUMENT_LIMITS): void {
  const problem = documentLimitProblem(snapshot, limits);
  if (problem) throw new DocumentLimitError(problem);
}
