/**
 * Beside a requirement in the owner's workbook: what each reviewer said about it, and whether the
 * verdict still stands on what they saw. A verdict on a requirement changed since is shown as stale.
 */
import { VERDICT_LABELS } from '../../core/review/schema';
import type { ReceivedReview } from '../db/queries/reviews';
import '../styles/review.css';

export function ReceivedVerdicts({
  received,
  requirementId,
  evidenceIds,
}: {
  /** The assessment's received reviews, read once for the workspace. */
  received: readonly ReceivedReview[] | undefined;
  requirementId: string;
  evidenceIds: readonly string[];
}) {
  const shown = (received ?? []).flatMap(({ review, staleness }) => {
    const verdict = review.verdicts.find((v) => v.requirementId === requirementId);
    const checks = review.evidenceChecks.filter((c) => evidenceIds.includes(c.evidenceId));
    if (!verdict && checks.length === 0) return [];
    return [{ review, verdict, checks, stale: staleness.requirements.has(requirementId), staleEvidence: staleness.evidence }];
  });
  if (shown.length === 0) return null;
  return (
    <section className="panel received-verdicts" aria-labelledby="received-verdicts-title" data-testid="received-verdicts">
      <h2 id="received-verdicts-title">Reviewer’s verdict</h2>
      <ul>
        {shown.map(({ review, verdict, checks, stale, staleEvidence }) => (
          <li key={review.id}>
            {verdict && (
              <>
                <span className={`verdict-badge ${stale ? 'stale' : verdict.verdict}`} data-testid="received-verdict">
                  {VERDICT_LABELS[verdict.verdict]}
                  {stale && ' — stale'}
                </span>{' '}
                <span className="muted small">
                  {review.reviewer.name}
                  {review.reviewer.organization && `, ${review.reviewer.organization}`}, {new Date(verdict.at).toLocaleDateString()}
                </span>
                {stale && (
                  <p className="small" data-testid="stale-note">
                    This requirement changed here after the reviewer’s copy was made (change log entry {review.basedOn.count}), so the
                    verdict is about an earlier answer and is not applied.
                  </p>
                )}
                {verdict.comment && <blockquote>{verdict.comment}</blockquote>}
              </>
            )}
            {checks.map((c) => (
              <p key={c.evidenceId} className="small">
                {c.evidenceId}: {c.result === 'verified' ? 'file verified against the register' : 'file did NOT match the register'}
                {staleEvidence.has(c.evidenceId) && ' (the item changed since)'}
                {c.note && ` — ${c.note}`}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
