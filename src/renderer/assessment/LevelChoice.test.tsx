import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CriteriaLevel, LevelCriterion } from '../../core/catalogue/types';
import { LEVELS } from '../../core/records/maturity';
import { LevelChoice } from './LevelChoice';

const criterion = (level: CriteriaLevel): LevelCriterion => ({
  practice: `Practice at ${level}, written for this requirement and long enough to read as a sentence.`,
  evidence: [`${level} register`, `${level} minutes`],
});
const CRITERIA = { ML1: criterion('ML1'), ML2: criterion('ML2'), ML3: criterion('ML3'), ML4: criterion('ML4') };

const render = (criteria: typeof CRITERIA | undefined) =>
  renderToStaticMarkup(<LevelChoice id="f" criteria={criteria} chosen={3} locked={false} onChoose={() => {}} />);

/** The text inside the element with this id, tags removed. */
function textOfId(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  const open = html.lastIndexOf('<', start);
  const tag = /^<(\w+)/.exec(html.slice(open))![1]!;
  // The elements named here hold no element of their own kind, so the first closing tag ends them.
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = open;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(open, m.index).replace(/<[^>]+>/g, '');
  }
  throw new Error(`unclosed ${id}`);
}

describe('LevelChoice', () => {
  it('names each radio by its level only and describes it with the requirement’s criterion and evidence', () => {
    const html = render(CRITERIA);
    for (const l of LEVELS) {
      expect(html).toContain(`aria-labelledby="f-level-${l.level}"`);
      expect(textOfId(html, `f-level-${l.level}`)).toBe(`${l.label} ${l.name}`);
    }
    for (const level of ['ML1', 'ML2', 'ML3', 'ML4'] as const)
      expect(textOfId(html, `f-level-${level.slice(2)}-about`)).toBe(
        `${CRITERIA[level].practice}Typical evidence: ${CRITERIA[level].evidence.join('; ')}`,
      );
    expect(html.match(/data-testid="level-criterion"/g)).toHaveLength(4);
    // The chosen level is the one marked.
    const chosen = [...html.matchAll(/<label class="level-option chosen"><input ([^>]*)>/g)].map((m) => m[1]);
    expect(chosen).toHaveLength(1);
    expect(chosen[0]).toContain('aria-labelledby="f-level-3"');
    expect(chosen[0]).toContain('checked=""');
  });

  it('shows the general meaning of each level, and no criteria, when the catalogue gives none', () => {
    const html = render(undefined);
    expect(html).not.toContain('level-criterion');
    for (const l of LEVELS.slice(1)) expect(textOfId(html, `f-level-${l.level}-about`)).toBe(l.description);
  });

  it('marks ML0 as the app’s addition to the standard’s ML1–ML4, with or without criteria', () => {
    for (const html of [render(CRITERIA), render(undefined)])
      expect(textOfId(html, 'f-level-0-about')).toBe('No practice is in place. ML0 is this app’s addition to the standard’s ML1–ML4.');
  });
});
