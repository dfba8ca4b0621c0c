/**
 * The achieved-level choice: each level with what it means and, where the catalogue gives them, this
 * requirement's criteria for ML1–ML4. Each radio is named by its level alone; the criterion describes it,
 * so screen readers announce a short name followed by the detail.
 */
import type { CriteriaLevel, LevelCriterion, Requirement } from '../../core/catalogue/types';
import { LEVELS, ML0_ADDITION, type LevelInfo } from '../../core/records/maturity';
import type { MaturityLevel } from '../../core/records/model';
import '../styles/guidance.css';

interface Props {
  id: string;
  criteria: Requirement['levels'] | undefined;
  chosen: MaturityLevel | null;
  locked: boolean;
  onChoose: (level: MaturityLevel) => void;
}

function Criterion({ level, criterion }: { level: string; criterion: LevelCriterion }) {
  return (
    <span className="level-criterion" data-testid="level-criterion" data-level={level}>
      <span className="criterion-practice">{criterion.practice}</span>
      <span className="criterion-evidence">
        <span className="criterion-evidence-label">Typical evidence: </span>
        {criterion.evidence.join('; ')}
      </span>
    </span>
  );
}

function About({ level, criterion }: { level: LevelInfo; criterion: LevelCriterion | undefined }) {
  if (level.level === 0)
    return (
      <span className="level-description" data-testid="ml0-note">
        {level.description} ML0 is {ML0_ADDITION}.
      </span>
    );
  if (criterion) return <Criterion level={level.label} criterion={criterion} />;
  return <span className="level-description">{level.description}</span>;
}

export function LevelChoice({ id, criteria, chosen, locked, onChoose }: Props) {
  return (
    <fieldset className="levels" disabled={locked}>
      <legend>Achieved level (keys 0–4)</legend>
      {criteria && (
        <p className="muted small levels-intro">
          Under each level: what the practice looks like for this requirement, in our reading, and the evidence that typically shows it.
        </p>
      )}
      {LEVELS.map((l) => {
        const criterion = l.level > 0 ? criteria?.[l.label as CriteriaLevel] : undefined;
        const nameId = `${id}-level-${l.level}`;
        return (
          <label key={l.level} className={chosen === l.level ? 'level-option chosen' : 'level-option'}>
            <input
              type="radio"
              name={`${id}-achieved`}
              checked={chosen === l.level}
              onChange={() => onChoose(l.level)}
              aria-labelledby={nameId}
              aria-describedby={`${nameId}-about`}
            />
            <span id={nameId} className="level-name">
              {l.label} {l.name}
            </span>
            <span id={`${nameId}-about`} className="level-about">
              <About level={l} criterion={criterion} />
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
