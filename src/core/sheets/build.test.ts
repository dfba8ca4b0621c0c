import { MarkingMissingError } from '../documents/marking';
import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { buildSheets, csvFileName, workbookFileName, type SheetInputs, type SheetTable } from './build';
import { ACTION_COLUMNS, ANSWER_COLUMNS, EVIDENCE_COLUMNS, FINDING_COLUMNS } from './columns';
import { sheetInputsOf } from './inputs';

const { snapshot } = sampleSnapshot(catalogue2024(), new Date('2026-06-15T09:00:00Z'));

const noFindings: SheetInputs = { findings: [], actionRef: (a) => `REF-${a.requirementId}` };

function table(tables: SheetTable[], name: string): SheetTable {
  const found = tables.find((t) => t.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The rows of a sheet as records keyed by column key, to read a value by its name. */
function records(t: SheetTable): Record<string, unknown>[] {
  return t.rows.map((row) => Object.fromEntries(t.columns.map((c, i) => [c.key, row[i]])));
}

describe('the sheets of an assessment', () => {
  it('are About, Answers, Findings, Actions and Evidence register with their fixed columns', () => {
    const set = buildSheets(snapshot, noFindings);
    expect(set.tables.map((t) => t.name)).toEqual(['About', 'Answers', 'Findings', 'Actions', 'Evidence register']);
    expect(table(set.tables, 'Answers').columns).toBe(ANSWER_COLUMNS);
    expect(table(set.tables, 'Findings').columns).toBe(FINDING_COLUMNS);
    expect(table(set.tables, 'Actions').columns).toBe(ACTION_COLUMNS);
    expect(table(set.tables, 'Evidence register').columns).toBe(EVIDENCE_COLUMNS);
    for (const t of set.tables) for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
  });

  it('carry the organization’s marking unless the export names another, on the About sheet too', () => {
    const own = buildSheets(snapshot, noFindings);
    expect(own.marking).toBe('TLP:AMBER');
    const chosen = buildSheets(snapshot, noFindings, { classification: 'TLP:RED' });
    expect(chosen.marking).toBe('TLP:RED');
    const about = Object.fromEntries(table(chosen.tables, 'About').rows.map(([k, v]) => [k, v]));
    expect(about.Marking).toBe('TLP:RED');
    expect(about.Organization).toBe('North Valley Water Authority');
    expect(about.Period).toBe(`${snapshot.assessment.periodStart} to ${snapshot.assessment.periodEnd}`);
  });

  it('show a spoofed or invisible marking as it really reads', () => {
    expect(buildSheets(snapshot, noFindings, { classification: 'TLP:\u202EDER' }).marking).toBe('TLP:DER');
    expect(buildSheets(snapshot, noFindings, { classification: '\u200B' }).marking).toBe('TLP:AMBER');
    const blank: WorkbookSnapshot = { ...snapshot, organization: { ...snapshot.organization, classification: '\u200B\u200D' } };
    // As for the documents: with nothing visible anywhere, no spreadsheet goes out unmarked.
    expect(() => buildSheets(blank, noFindings)).toThrow(MarkingMissingError);
  });

  it('list one answer row per requirement in scope, with gap and valid evidence worked out from the records', () => {
    const rows = records(table(buildSheets(snapshot, noFindings).tables, 'Answers'));
    const inScope = snapshot.catalogue.spes
      .filter((s) => snapshot.assessment.scope.includes(s.id))
      .flatMap((s) => s.elements.flatMap((e) => e.requirements));
    expect(rows.map((r) => r.requirementId)).toEqual(inScope.map((r) => r.id));
    let assessed = 0;
    for (const row of rows) {
      const id = row.requirementId as string;
      const links = snapshot.links.filter((l) => l.requirementId === id).map((l) => l.evidenceId);
      const valid = snapshot.evidence.some((e) => links.includes(e.id) && !(e.expiresOn && e.expiresOn < snapshot.today));
      expect(row.validEvidence).toBe(valid ? 'Yes' : 'No');
      expect(row.evidenceIds).toBe([...links].sort().join('; '));
      if (row.achieved === '') {
        expect(row.gap).toBeNull();
        continue;
      }
      assessed += 1;
      const target = Number(String(row.target).slice(2));
      const achieved = Number(String(row.achieved).slice(2));
      expect(row.gap).toBe(Math.max(0, target - achieved));
    }
    expect(assessed).toBeGreaterThan(10);
  });

  it('mark an answer that claims a level on expired evidence only as without valid evidence', () => {
    const rows = records(table(buildSheets(snapshot, noFindings).tables, 'Answers'));
    const expired = snapshot.evidence.filter((e) => e.expiresOn && e.expiresOn < snapshot.today).map((e) => e.id);
    expect(expired.length).toBeGreaterThan(0);
    const onlyExpired = rows.filter((r) => {
      const ids = String(r.evidenceIds).split('; ').filter(Boolean);
      return ids.length > 0 && ids.every((id) => expired.includes(id));
    });
    expect(onlyExpired.length).toBeGreaterThan(0);
    for (const row of onlyExpired) expect(row.validEvidence).toBe('No');
  });

  it('judge overdue actions and expired evidence against the export’s day, not a stored flag', () => {
    const now = records(table(buildSheets(snapshot, noFindings).tables, 'Actions'));
    const later: WorkbookSnapshot = { ...snapshot, today: '2030-01-01' };
    const then = records(table(buildSheets(later, noFindings).tables, 'Actions'));
    const open = (r: Record<string, unknown>) => r.status === 'open' || r.status === 'in-progress';
    for (const row of now) expect(row.overdue).toBe(open(row) && String(row.due) < snapshot.today ? 'Yes' : 'No');
    expect(now.filter((r) => r.overdue === 'Yes').length).toBe(2);
    expect(then.filter((r) => r.overdue === 'Yes').length).toBe(now.filter(open).length);
    const evidenceThen = records(table(buildSheets(later, noFindings).tables, 'Evidence register'));
    for (const row of evidenceThen) expect(row.expired).toBe(row.expires ? 'Yes' : 'No');
  });

  it('print the action references and findings they are given', () => {
    const inputs: SheetInputs = {
      findings: [
        {
          id: 'F-ORG-1.1',
          requirementId: 'ORG 1.1',
          grade: 'major',
          reason: 'gap',
          risk: 'Risk text',
          recommendation: 'Do it',
          actionIds: ['ACT-0002', 'ACT-0005'],
        },
      ],
      actionRef: (a) => `ACT-${a.requirementId}`,
    };
    const set = buildSheets(snapshot, inputs);
    expect(records(table(set.tables, 'Findings'))).toEqual([
      {
        findingId: 'F-ORG-1.1',
        requirementId: 'ORG 1.1',
        grade: 'major',
        reason: 'gap',
        risk: 'Risk text',
        recommendation: 'Do it',
        actionIds: 'ACT-0002; ACT-0005',
      },
    ]);
    const actions = records(table(set.tables, 'Actions'));
    expect(actions.map((a) => a.actionId)).toContain('ACT-NET 3.2');
  });

  it('write an evidence size as an exact number and keep the evidence’s own classification', () => {
    const rows = records(table(buildSheets(snapshot, noFindings).tables, 'Evidence register'));
    const ev4 = rows.find((r) => r.evidenceId === 'EV-0004')!;
    expect(ev4.sizeBytes).toBe(953);
    expect(ev4.classification).toBe('TLP:AMBER');
    expect(rows.find((r) => r.kind === 'link')!.sizeBytes).toBeNull();
    const spoofed: WorkbookSnapshot = { ...snapshot, evidence: [{ ...snapshot.evidence[0]!, classification: 'TLP:\u202EDER' }] };
    expect(records(table(buildSheets(spoofed, noFindings).tables, 'Evidence register'))[0]!.classification).toBe('TLP:DER');
  });

  it('keep an impossible due date as the text recorded rather than a date cell', () => {
    const odd: WorkbookSnapshot = { ...snapshot, actions: [{ ...snapshot.actions[0]!, dueDate: '2026-99-99' }] };
    const [row] = records(table(buildSheets(odd, noFindings).tables, 'Actions'));
    expect(row!.due).toBe('2026-99-99');
  });

  it('read the number and new fields of actions that carry them, and number older ones after it in creation order', () => {
    // Recorded before numbering: no number.
    const unnumbered = ({ number: _, ...action }: WorkbookSnapshot['actions'][number]) => action;
    const first = { ...unnumbered(snapshot.actions[0]!), id: 'b', createdAt: '2026-01-02T00:00:00.000Z' };
    const second = { ...unnumbered(snapshot.actions[1]!), id: 'a', createdAt: '2026-01-01T00:00:00.000Z' };
    const numbered = { ...snapshot.actions[2]!, id: 'c', number: 7, expectedLevel: 3, closureCheck: 'Audit the log' };
    const s: WorkbookSnapshot = { ...snapshot, actions: [first, second, numbered] as WorkbookSnapshot['actions'] };
    const rows = records(table(buildSheets(s, sheetInputsOf(s)).tables, 'Actions'));
    // The documents' display rule: unnumbered actions follow the highest number present, oldest first.
    expect(rows.map((r) => r.actionId)).toEqual(['ACT-0007', 'ACT-0008', 'ACT-0009']);
    expect(rows[1]!.requirementId).toBe(second.requirementId);
    expect(rows[2]!.requirementId).toBe(first.requirementId);
    expect(rows[0]).toMatchObject({ expectedLevel: 'ML3', closureCheck: 'Audit the log' });
  });

  it('name their files after the assessment', () => {
    const set = buildSheets(snapshot, noFindings);
    expect(workbookFileName(set)).toBe('2026-CSMS-self-assessment-Riverside-plant-sample_results.xlsx');
    expect(csvFileName(set, { name: 'Evidence register' })).toBe('2026-CSMS-self-assessment-Riverside-plant-sample_evidence-register.csv');
  });
});
