/**
 * The catalogue's reading of a requirement — intent, questions, evidence, any doubt about the reading, and
 * informative mappings — with the official text beside it when the user imported it.
 */
import type { OverlayEntry } from '../../core/catalogue/overlay';
import type { Requirement } from '../../core/catalogue/types';
import { crosswalkInfo } from '../content/crosswalks';
import { mappingRows } from './mappingRows';
import '../styles/guidance.css';

function ReadingDoubt({ doubt }: { doubt: NonNullable<Requirement['readingDoubt']> }) {
  return (
    <div className="notice warning reading-doubt" role="note" aria-labelledby="reading-doubt-title" data-testid="reading-doubt">
      <p>
        <strong id="reading-doubt-title">Our reading is uncertain.</strong> {doubt.note}
      </p>
      <p className="small">Other readings to weigh against your copy of the standard:</p>
      <ul>
        {doubt.alternatives.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
    </div>
  );
}

function MappingList({ requirement }: { requirement: Requirement }) {
  const rows = mappingRows(requirement.mappings);
  if (rows.length === 0) return null;
  return (
    <section className="mappings" aria-labelledby="mappings-title">
      <h3 id="mappings-title">Mappings (informative)</h3>
      <p className="muted small">They point to related material; none of them is part of the requirement.</p>
      <dl>
        {rows.map((row) => (
          <div key={row.label} className="mapping-row">
            <dt>{row.label}</dt>
            <dd>
              {row.items.map((item, i) => (
                <span key={item.text}>
                  {i > 0 && ', '}
                  {item.text}
                  {item.doubtful && <em className="doubt-flag"> (doubtful)</em>}
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

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
      <h2 id="guidance-title">Our reading of this requirement</h2>
      <p>{requirement.intent}</p>
      {requirement.readingDoubt && <ReadingDoubt doubt={requirement.readingDoubt} />}
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
      <MappingList requirement={requirement} />
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
