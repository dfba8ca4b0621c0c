/**
 * Applies a previewed answers import: every changed answer saved through the answers' own write path in
 * one transaction, each logged as its own change, so the import lands whole or not at all. A signed-off
 * assessment or a review copy refuses it there, like any other change to an answer.
 */
import type { AnswerPatch } from '../../../core/sheets/importAnswers';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate } from '../mutate';
import { emptyResponse, saveResponse } from './responses';

export interface ImportedAnswer {
  requirementId: string;
  patch: AnswerPatch;
  /** The stored values the preview compared against. */
  expected: AnswerPatch;
}

/** How many answers were written. Throws a WorkbookError (nothing written) when any one of them is refused. */
export async function applyImportedAnswers(db: WorkbookDb, assessmentId: string, answers: readonly ImportedAnswer[]): Promise<number> {
  return mutate(db, async () => {
    if (!(await db.assessments.get(assessmentId))) throw new WorkbookError('That assessment no longer exists.', 'not-found');
    for (const answer of answers) {
      const stored = (await db.responses.get([assessmentId, answer.requirementId])) ?? emptyResponse(assessmentId, answer.requirementId);
      // An answer edited since the preview was made: the preview's "before" no longer holds.
      for (const [field, value] of Object.entries(answer.expected)) {
        if (stored[field as keyof AnswerPatch] !== value) {
          throw new WorkbookError(
            `The answer to ${answer.requirementId} changed after the file was previewed. Nothing was imported; choose the file again.`,
            'invalid',
          );
        }
      }
      await saveResponse(db, assessmentId, answer.requirementId, answer.patch);
    }
    return answers.length;
  });
}
