import { afterEach, describe, expect, it } from 'vitest';
import { isCalendarDate } from '../format/calendarDate';
import type { Action, Evidence, Response } from '../records/model';
import {
  answerStateOf,
  byDueDate,
  isApplicable,
  isAssessed,
  isExpired,
  isOpenAction,
  isOverdueAction,
  isValidEvidence,
  evidenceBacking,
  evidenceStanding,
  isCountedAction,
  isUnbackedClaim,
  todayLocal,
  unbackedClaims,
} from './rules';

const TODAY = '2026-06-15';
const action = (status: Action['status'], dueDate?: string) =>
  ({ status, ...(dueDate ? { dueDate } : {}) }) as Pick<Action, 'status' | 'dueDate'>;
const evidence = (expiresOn?: string) => (expiresOn ? { expiresOn } : {}) as Pick<Evidence, 'expiresOn'>;
const answer = (applicable: boolean, achievedLevel: Response['achievedLevel']) => ({ applicable, achievedLevel });

describe('actions', () => {
  it('are open while open or in progress, closed when done or cancelled', () => {
    expect(isOpenAction(action('open'))).toBe(true);
    expect(isOpenAction(action('in-progress'))).toBe(true);
    expect(isOpenAction(action('done'))).toBe(false);
    expect(isOpenAction(action('cancelled'))).toBe(false);
  });

  it('are overdue only when open and due before today: due today is not overdue yet', () => {
    expect(isOverdueAction(action('open', '2026-06-14'), TODAY)).toBe(true);
    expect(isOverdueAction(action('in-progress', '2025-12-31'), TODAY)).toBe(true);
    expect(isOverdueAction(action('open', TODAY), TODAY)).toBe(false);
    expect(isOverdueAction(action('open', '2026-06-16'), TODAY)).toBe(false);
    expect(isOverdueAction(action('open'), TODAY)).toBe(false);
  });

  it('are never overdue once done or cancelled, however old the due date', () => {
    expect(isOverdueAction(action('done', '2020-01-01'), TODAY)).toBe(false);
    expect(isOverdueAction(action('cancelled', '2020-01-01'), TODAY)).toBe(false);
  });

  it('sort by due date, those without one last', () => {
    const sorted = [action('open'), action('open', '2026-07-01'), action('open', '2026-06-01')].sort(byDueDate);
    expect(sorted.map((a) => a.dueDate)).toEqual(['2026-06-01', '2026-07-01', undefined]);
  });
});

describe('evidence', () => {
  it('expires the day after its expiry date: expiring today is still valid', () => {
    expect(isExpired(evidence('2026-06-14'), TODAY)).toBe(true);
    expect(isExpired(evidence(TODAY), TODAY)).toBe(false);
    expect(isValidEvidence(evidence(TODAY), TODAY)).toBe(true);
    expect(isValidEvidence(evidence('2026-06-14'), TODAY)).toBe(false);
  });

  it('never expires without an expiry date', () => {
    expect(isExpired(evidence(), TODAY)).toBe(false);
    expect(isValidEvidence(evidence(), TODAY)).toBe(true);
  });
});

describe('answers', () => {
  it('apply unless marked not applicable; an unanswered requirement applies', () => {
    expect(isApplicable(undefined)).toBe(true);
    expect(isApplicable({ applicable: true })).toBe(true);
    expect(isApplicable({ applicable: false })).toBe(false);
  });

  it('count as assessed only when applicable with an achieved level: N/A is not assessed, ML0 is', () => {
    expect(isAssessed(undefined)).toBe(false);
    expect(isAssessed(answer(true, null))).toBe(false);
    expect(isAssessed(answer(true, 0))).toBe(true);
    expect(isAssessed(answer(true, 3))).toBe(true);
    expect(isAssessed(answer(false, null))).toBe(false);
    // A level left stored on a requirement later marked not applicable does not count.
    expect(isAssessed(answer(false, 2))).toBe(false);
  });

  it('name the state the workspace shows', () => {
    expect(answerStateOf({ applicable: true, assessed: true })).toBe('answered');
    expect(answerStateOf({ applicable: true, assessed: false })).toBe('unanswered');
    expect(answerStateOf({ applicable: false, assessed: false })).toBe('not-applicable');
  });
});

describe('today', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('is the local calendar day, late in the evening west of UTC', () => {
    process.env.TZ = 'America/New_York';
    // Built from local fields (no offset written): 23:30 on 15 June in New York is 03:30 on 16 June in UTC.
    const lateEvening = new Date(2026, 5, 15, 23, 30);
    expect(lateEvening.toISOString().slice(0, 10)).toBe('2026-06-16');
    expect(todayLocal(lateEvening)).toBe('2026-06-15');
  });

  it('is the local calendar day, just after midnight east of UTC', () => {
    process.env.TZ = 'Pacific/Auckland';
    // 00:30 on 16 June in Auckland is still 15 June in UTC.
    const pastMidnight = new Date(2026, 5, 16, 0, 30);
    expect(pastMidnight.toISOString().slice(0, 10)).toBe('2026-06-15');
    expect(todayLocal(pastMidnight)).toBe('2026-06-16');
  });

  it('decides overdue and expiry on that local day', () => {
    process.env.TZ = 'America/New_York';
    const today = todayLocal(new Date(2026, 5, 15, 23, 30));
    expect(isOverdueAction(action('open', '2026-06-15'), today)).toBe(false);
    expect(isExpired(evidence('2026-06-15'), today)).toBe(false);
  });

  it('pads months and days, and defaults to now', () => {
    expect(todayLocal(new Date(2026, 0, 5, 12))).toBe('2026-01-05');
    expect(isCalendarDate(todayLocal())).toBe(true);
  });
});

describe('evidence behind a claimed level', () => {
  const item = (id: string, expiresOn?: string) => ({ id, ...(expiresOn ? { expiresOn } : {}) });

  it('is valid until its expiry day, expired after it, and damaged when its file was found missing or changed', () => {
    expect(evidenceStanding(item('EV-0001', TODAY), TODAY)).toBe('valid');
    expect(evidenceStanding(item('EV-0001', '2026-06-14'), TODAY)).toBe('expired');
    expect(evidenceStanding(item('EV-0001'), TODAY)).toBe('valid');
    expect(evidenceStanding(item('EV-0001'), TODAY, new Set(['EV-0001']))).toBe('damaged');
    // A damaged file is damaged whatever its expiry says.
    expect(evidenceStanding(item('EV-0001', '2030-01-01'), TODAY, new Set(['EV-0001']))).toBe('damaged');
  });

  it('sorts the cited items into valid, expired (with the day) and damaged, in citing order', () => {
    const backing = evidenceBacking(
      [item('EV-0003', '2026-01-31'), item('EV-0001'), item('EV-0002', '2027-01-01'), item('EV-0004')],
      TODAY,
      new Set(['EV-0004']),
    );
    expect(backing).toEqual({ valid: ['EV-0001', 'EV-0002'], expired: [{ id: 'EV-0003', expiresOn: '2026-01-31' }], damaged: ['EV-0004'] });
  });

  const claim = (achieved: 0 | 1 | 2 | 3 | 4 | null, target: 1 | 2 | 3 | 4, hasValidEvidence: boolean, applicable = true) => ({
    applicable,
    assessed: achieved !== null && applicable,
    achieved,
    target,
    hasValidEvidence,
  });

  it('calls a level unbacked when assessed above ML0 with no valid evidence; ML0, unassessed and not applicable are not claims', () => {
    expect(isUnbackedClaim(claim(3, 3, false))).toBe(true);
    expect(isUnbackedClaim(claim(3, 3, true))).toBe(false);
    expect(isUnbackedClaim(claim(0, 3, false))).toBe(false);
    expect(isUnbackedClaim(claim(null, 3, false))).toBe(false);
    expect(isUnbackedClaim(claim(2, 3, false, false))).toBe(false);
  });

  it('counts the unbacked claims, and of them those at or above target', () => {
    const scores = [claim(3, 3, false), claim(4, 3, false), claim(1, 3, false), claim(3, 3, true), claim(0, 2, false)];
    expect(unbackedClaims(scores)).toEqual({ assessed: 3, atTarget: 2 });
  });
});

describe('which actions count', () => {
  it('counts an action only on an applicable requirement in scope', () => {
    expect(isCountedAction({ inScope: true, applicable: true })).toBe(true);
    expect(isCountedAction({ inScope: true, applicable: false })).toBe(false);
    expect(isCountedAction({ inScope: false, applicable: true })).toBe(false);
  });
});
