/**
 * The small markers for requirement IDs and titles that public sources leave uncertain, with their key.
 * The words come from core/catalogue/status, the same as in the documents.
 */
import { CircleHelp, Layers, Type, type LucideIcon } from 'lucide-react';
import { CATALOGUE_MARKS, MARK_WORDING, marksOf, type CatalogueMark } from '../../core/catalogue/status';
import type { Requirement } from '../../core/catalogue/types';

const ICONS: Record<CatalogueMark, LucideIcon> = { unconfirmed: CircleHelp, 'element-level': Layers, 'title-doubtful': Type };

export function MarkIcon({ mark }: { mark: CatalogueMark }) {
  const Icon = ICONS[mark];
  const { label, explanation } = MARK_WORDING[mark];
  return (
    <span role="img" aria-label={label} title={`${label}: ${explanation}`} className="catalogue-mark">
      <Icon aria-hidden="true" size={12} />
    </span>
  );
}

export function RequirementMarks({ requirement }: { requirement: Pick<Requirement, 'status' | 'titleDoubtful'> }) {
  return marksOf(requirement).map((m) => <MarkIcon key={m} mark={m} />);
}

/** The key, folded: it is read once, then only the markers are needed. */
export function MarksLegend() {
  return (
    <details className="marks-legend small">
      <summary>Key to the requirement markers</summary>
      <ul>
        {CATALOGUE_MARKS.map((m) => (
          <li key={m}>
            <MarkIcon mark={m} /> <strong>{MARK_WORDING[m].label}</strong>: {MARK_WORDING[m].explanation}
          </li>
        ))}
      </ul>
    </details>
  );
}
