/** How a comparison's figures are written, the same on screen and in the Word document. */
import type { MaturityLevel } from '../records/model';
import type { Standing } from './reasons';

const STANDING_WORDS: Record<Exclude<Standing, 'assessed'>, string> = {
  unanswered: 'Not assessed',
  'not-applicable': 'Not applicable',
  'out-of-scope': 'Out of scope',
};

/** "ML2", or why there is no level. */
export function levelText(level: MaturityLevel | null, standing: Standing): string {
  return standing === 'assessed' && level !== null ? `ML${level}` : STANDING_WORDS[standing === 'assessed' ? 'unanswered' : standing];
}

/** "+0.4", "−1.0", "0.0", or a dash when one side has no mean. */
export function deltaText(delta: number | null): string {
  if (delta === null) return '—';
  if (delta === 0) return '0.0';
  return `${delta > 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)}`;
}

export function meanText(mean: number | null): string {
  return mean === null ? '—' : mean.toFixed(1);
}
