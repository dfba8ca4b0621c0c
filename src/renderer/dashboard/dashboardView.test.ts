/**
 * The screens and the documents count the same records the same way: for the sample, the dashboard,
 * the navigator, the assessments list and the evidence library agree with the report, the remediation
 * plan and the evidence register on overdue actions, evidence coverage, progress and expired evidence.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { indexCatalogue } from '../../core/catalogue/lookup';
import { buildDocument, packDocument, type DocumentKind } from '../../core/documents/build';
import { percent } from '../../core/documents/text';
import { todayLocal } from '../../core/rules/rules';
import { progressOf, type WorkbookSlice } from '../../core/scoring/score';
import { sampleSnapshot } from '../../core/snapshot/sampleSnapshot';
import { libraryRows } from '../../core/workspace/evidenceLibrary';
import { matchesFilter, requirementStates } from '../../core/workspace/requirementState';
import { addAction, overdueActions } from '../db/repo/actions';
import { freshDb } from '../db/testDb';
import { loadSampleWorkbook } from '../sample/loadSample';
import { dashboardView } from './dashboardView';

const catalogue = catalogue2024();
const index = indexCatalogue(catalogue);
const NOW = new Date('2026-06-15T09:00:00Z');
const { snapshot } = sampleSnapshot(catalogue, NOW);
const slice: WorkbookSlice = { ...snapshot, today: snapshot.today };

async function documentText(kind: DocumentKind): Promise<string> {
  const files = unzipSync(await packDocument(buildDocument(snapshot, kind)));
  const xml = strFromU8(files['word/document.xml']!);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('the sample, on screen and in the documents', () => {
  const text = {} as Record<'report' | 'plan' | 'register', string>;
  beforeAll(async () => {
    for (const kind of ['report', 'plan', 'register'] as const) text[kind] = await documentText(kind);
  });
  const dashboard = dashboardView(index, slice, [snapshot.assessment]);
  const states = [...requirementStates(dashboard.scores, slice).values()];
  const o = snapshot.scores.overall;

  it('has something to count: overdue actions, expired evidence, not-applicable requirements', () => {
    expect(o.overdueActions).toBeGreaterThan(0);
    expect(snapshot.evidence.some((e) => e.expiresOn && e.expiresOn < snapshot.today)).toBe(true);
    expect(o.requirements - o.applicable).toBeGreaterThan(0);
  });

  it('overdue actions: the dashboard list and figure, the report summary and the plan', () => {
    expect(dashboard.overdue).toHaveLength(o.overdueActions);
    expect(dashboard.scores.overall.overdueActions).toBe(o.overdueActions);
    expect(text.report).toContain(`${o.openActions} open, of which ${o.overdueActions} overdue`);
    expect(text.plan).toContain(`${o.openActions} open or in progress, of which ${o.overdueActions} overdue on ${snapshot.today}`);
  });

  it('evidence coverage: the dashboard figure, the navigator filter and the report', () => {
    expect(dashboard.scores.overall).toEqual(o);
    const withoutValid = states.filter((s) => matchesFilter(s, 'without-evidence')).length;
    expect((o.applicable - withoutValid) / o.applicable).toBeCloseTo(o.evidenceCoverage, 10);
    expect(text.report).toContain(`Evidence coverage${percent(o.evidenceCoverage)}`);
  });

  it('progress: the navigator, the assessments list and the report', () => {
    const answered = states.filter((s) => s.answer === 'answered').length;
    const unanswered = states.filter((s) => matchesFilter(s, 'unanswered')).length;
    expect(answered).toBe(o.assessed);
    expect(answered + unanswered).toBe(o.applicable);
    expect(progressOf(index, snapshot.assessment, snapshot.responses)).toEqual({
      applicable: o.applicable,
      assessed: o.assessed,
      progress: o.progress,
    });
    expect(text.report).toContain(`${o.assessed} of ${o.applicable} applicable requirements assessed`);
  });

  it('expired evidence: the evidence library and the register', () => {
    const query = { today: snapshot.today, kind: 'all', text: '', sort: 'id', descending: false } as const;
    const expired = libraryRows(snapshot.evidence, snapshot.links, { ...query, filter: 'expired' }).length;
    expect(expired).toBeGreaterThan(0);
    expect(text.register).toContain(`${expired} had expired on ${snapshot.today}`);
  });
});

describe('the sample and the app share one today', () => {
  it('late in the evening west of UTC, the sample is judged on the local day, as the app judges it', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const lateEvening = new Date(2026, 5, 15, 23, 30);
      expect(sampleSnapshot(catalogue, lateEvening).snapshot.today).toBe(todayLocal(lateEvening));
      expect(todayLocal(lateEvening)).toBe('2026-06-15');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('the indexed overdue query', () => {
  it('finds exactly the actions the rule calls overdue, in the sample, with one due today', async () => {
    const db = await freshDb();
    const day = new Date(2026, 4, 15);
    const today = todayLocal(day);
    const { assessmentId } = await loadSampleWorkbook(db, day);
    const dueToday = await addAction(db, assessmentId, 'ORG 1.1', { description: 'Due today', dueDate: today });
    const assessment = (await db.assessments.get(assessmentId))!;
    const view = dashboardView(
      index,
      {
        assessment,
        today,
        responses: await db.responses.toArray(),
        links: await db.links.toArray(),
        evidence: await db.evidence.toArray(),
        actions: await db.actions.toArray(),
      },
      [assessment],
    );
    const indexed = await overdueActions(db, today);
    expect(indexed.map((a) => a.id)).toEqual(view.overdue.map((a) => a.id));
    expect(view.overdue.map((a) => a.id)).not.toContain(dueToday.id);
  });
});
