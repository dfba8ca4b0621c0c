/** The catalogue's guidance for a requirement, with the official text beside it when the user imported it. */
import type { OverlayEntry } from '../../core/catalogue/overlay';
import type { Requirement } from '../../core/catalogue/types';
import { crosswalkInfo } from '../content/crosswalks';

export function GuidancePanel({
  requirement,
  official,
  catalogueId,
}: {
  requirement: Requirement;
  official: OverlayEntry | undefined;
  catalogueId: string;
}) {
  const crosswalks = crosswalkInfo(catalogueId, requirement.id);
  return (
    <section className="panel guidance" aria-labelledby="guidance-title">
      <h2 id="guidance-title">What this asks for</h2>
      <p>{requirement.intent}</p>
      {official && (
        <div className="official">
          <h3>Official text (licensed, stored on this computer only)</h3>
          {official.title && <p className="official-title">{official.title}</p>}
          <p>{official.text}</p>
        </div>
      )}
      <div className="guidance-columns">
        <details open>
          <summary>Questions an assessor asks</summary>
          <ul>
            {requirement.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </details>
        <details open>
          <summary>Typical evidence</summary>
          <ul>
            {requirement.evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </details>
      </div>
      <p className="muted small">
        Related: {requirement.mappings.iec62443_3_3.length > 0 ? `IEC 62443-3-3 ${requirement.mappings.iec62443_3_3.join(', ')}; ` : ''}
        NIST CSF 2.0 {requirement.mappings.nistCsf2.join(', ')} (informative; the CSF mapping is this app’s own).
      </p>
      {crosswalks.map((c) => (
        <p key={c.edition} className="muted small" data-testid="crosswalk">
          {c.newIn ? (
            <>
              <span className="new-badge">New in {c.newIn}</span> No element of {c.edition} maps to this requirement (informative
              crosswalk).
            </>
          ) : c.ids.length > 0 ? (
            `${c.edition}: ${c.ids.join(', ')} (informative crosswalk).`
          ) : (
            `${c.edition}: no counterpart (informative crosswalk).`
          )}
        </p>
      ))}
    </section>
  );
}
