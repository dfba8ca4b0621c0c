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
  todayLocal,
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
