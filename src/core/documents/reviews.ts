/**
 * What independent reviewers said: per review file received, who reviewed, which log head they saw, and
 * their verdicts and file checks; a verdict on a requirement changed since is printed as stale, not as
 * standing. The owner's statements elsewhere in the report stay apart from the reviewer's opinion.
 */
import type { FileChild } from 'docx';
import { VERDICT_LABELS, VERDICTS } from '../review/schema';
import type { PrintedReview } from '../review/printed';
import { labelled, para, type Outline } from './blocks';
import type { DocContext } from './context';
import { TEXT_WIDTH } from './pageSetup';
import { dataTable, keyValueTable } from './tables';
import { dateTime, day, oneLine, plural } from './text';

const WIDTH = TEXT_WIDTH.portrait;

/** One line for a requirement's results: the verdict, marked stale where it no longer applies. */
export function verdictLine(review: PrintedReview, requirementId: string): FileChild | null {
  const verdict = review.verdicts.find((v) => v.requirementId === requirementId);
  if (!verdict) return null;
  const stale = verdict.stale ? ' — STALE: the answer changed after the review, so this verdict is about an earlier answer' : '';
  const comment = verdict.comment ? `: ${oneLine(verdict.comment)}` : '';
  return labelled(
    `Reviewer’s verdict (${oneLine(review.reviewer.name)}, ${day(verdict.at)})`,
    `${VERDICT_LABELS[verdict.verdict]}${stale}${comment}`,
  );
}

function tally(review: PrintedReview): string {
  const counts = VERDICTS.map((v) => {
    const n = review.verdicts.filter((x) => x.verdict === v && !x.stale).length;
    return `${VERDICT_LABELS[v].toLowerCase()} ${n}`;
  });
  const stale = review.verdicts.filter((v) => v.stale).length;
  return `${counts.join(', ')}${stale ? `; stale ${stale}` : ''}`;
}

export function reviewsSection(ctx: DocContext, outline: Outline): FileChild[] {
  const reviews = ctx.snapshot.reviews ?? [];
  if (reviews.length === 0) return [];
  const out: FileChild[] = [
    outline.heading(1, 'Independent review', { pageBreakBefore: true }),
    para(
      'Verdicts received from reviewers who examined a copy of this assessment. Each review is bound to the change-log entry its copy ended at; a verdict on a requirement whose answer, evidence links or actions changed after that entry is marked stale and does not stand for the current answer.',
    ),
  ];
  for (const review of reviews) {
    const who = `${oneLine(review.reviewer.name)}${review.reviewer.organization ? `, ${oneLine(review.reviewer.organization)}` : ''}`;
    out.push(
      outline.heading(2, `Review by ${who}`),
      keyValueTable(
        [
          ['Reviewer', who],
          ['Review file saved', dateTime(review.createdAt)],
          ['Change log reviewed', { text: `up to entry ${review.basedOn.count}, head ${review.basedOn.head}`, mono: true }],
          ['Verdicts', `${plural(review.verdicts.length, 'requirement')}: ${tally(review)}`],
        ],
        WIDTH,
      ),
      dataTable(
        [
          { header: 'Requirement', weight: 16 },
          { header: 'Verdict', weight: 22 },
          { header: 'Comment', weight: 62 },
        ],
        review.verdicts.map((v) => [
          { text: v.requirementId, mono: true },
          v.stale ? `${VERDICT_LABELS[v.verdict]} (stale)` : VERDICT_LABELS[v.verdict],
          oneLine(v.comment) || '—',
        ]),
        WIDTH,
      ),
    );
    if (review.evidenceChecks.length > 0) {
      out.push(
        para('Evidence files the reviewer re-hashed against the register:', { keepNext: true }),
        dataTable(
          [
            { header: 'Evidence', weight: 14 },
            { header: 'Result', weight: 30 },
            { header: 'Note', weight: 56 },
          ],
          review.evidenceChecks.map((c) => [
            { text: c.evidenceId, mono: true },
            `${c.result === 'verified' ? 'Matches the register' : 'Does NOT match the register'}${c.stale ? ' (the item changed since)' : ''}, ${day(c.at)}`,
            oneLine(c.note) || '—',
          ]),
          WIDTH,
        ),
      );
    }
  }
  return out;
}
