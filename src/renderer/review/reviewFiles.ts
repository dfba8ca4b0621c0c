/** Saving the reviewer's review file, and reading one the owner picked (bounded, then checked in core). */
import { readReviewFile, REVIEW_FILE_EXTENSION, reviewFileText, ReviewFileError, type ReviewFileContent } from '../../core/review/file';
import { REVIEW_LIMITS, type Review } from '../../core/review/schema';
import { exportBaseName } from '../../core/format/fileName';
import { APP } from '../bundle/saveBundle';
import { platform } from '../platform';

export const REVIEW_FILTERS = [{ name: 'CSMS Workbook review', extensions: [REVIEW_FILE_EXTENSION] }];

/** Saves the review; returns where it went, or null when the user cancelled. */
export async function saveReviewFile(review: Review): Promise<string | null> {
  const now = new Date();
  const text = reviewFileText(review, APP, now.toISOString());
  const name = `review_${exportBaseName(review.assessmentName, 'assessment')}_${now.toISOString().slice(0, 10)}.${REVIEW_FILE_EXTENSION}`;
  const saved = await platform.saveFile({ suggestedName: name, bytes: new TextEncoder().encode(text), filters: REVIEW_FILTERS });
  if (!saved.ok) throw new Error(saved.error);
  return saved.value.saved ? saved.value.path : null;
}

export type PickedReview = { ok: true; name: string; content: ReviewFileContent } | { ok: false; message: string } | null;

/** Lets the user pick a review file and reads it; null when nothing was picked. */
export async function pickReviewFile(): Promise<PickedReview> {
  const picked = await platform.openFiles({ multiple: false, filters: REVIEW_FILTERS, maxBytes: REVIEW_LIMITS.fileBytes });
  if (!picked.ok) return { ok: false, message: picked.error };
  const file = picked.value[0];
  if (!file) return null;
  if (file.blob.size > REVIEW_LIMITS.fileBytes) {
    return {
      ok: false,
      message: `${file.name} was not imported: it is far larger than any review file (32 MiB at most). Nothing was changed.`,
    };
  }
  try {
    return { ok: true, name: file.name, content: readReviewFile(new Uint8Array(await file.blob.arrayBuffer())) };
  } catch (error) {
    const reason = error instanceof ReviewFileError ? error.message : 'it could not be read';
    return { ok: false, message: `${file.name} was not imported: ${reason}. Nothing was changed.` };
  }
}
