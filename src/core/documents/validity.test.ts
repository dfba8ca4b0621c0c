/**
 * What the documents say about the evidence behind each claimed level, and the counts that must agree
 * between them: every expected value here is worked out from the records, never written in.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { plainXml } from '../../../test/fixtures/docxText';
import type { Action, Evidence } from '../records/model';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import { createSnapshot, type WorkbookSnapshot } from '../snapshot/snapshot';
import { buildDocument, packDocument, type DocumentKind } from './build';
import { exactBytes } from './register';
import { firstSentence } from './soa';

const catalogue = catalogue2024();
const { snapshot } = sampleSnapshot(catalogue, new Date('2026-06-15T09:00:00Z'));

const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"');

/** The text of each paragraph, in order. */
const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[ >](?:(?!<\/w:p>).)*<\/w:p>/g)].map((m) => textOf(m[0]));
/** The text of each table row, cells joined by " | ". */
const rowsOf = (xml: string) =>
  xml
    .split('<w:tr>')
    .slice(1)
    .map((row) =>
      row
        .slice(0, row.indexOf('</w:tr>'))
        .split('<w:tc>')
        .slice(1)
        .map((cell) => paragraphsOf(cell).join('\n'))
        .join(' | '),
    );

async function body(s: WorkbookSnapshot, kind: DocumentKind): Promise<string> {
  const files = unzipSync(await packDocument(buildDocument(s, kind, {})));
  return plainXml(strFromU8(files['word/document.xml']!));
}

/** The snapshot rebuilt from changed records, its scores computed as the app computes them. */
function rebuilt(s: WorkbookSnapshot, change: Partial<Pick<WorkbookSnapshot, 'responses' | 'actions' | 'evidence' | 'assessment'>>) {
  const next = { ...s, ...change };
  return createSnapshot({ ...next, chain: { ok: false, seq: 0, reason: 'none', count: 0 } });
}

/** Worked out from the records alone: the evidence each requirement cites and whether any of it is in date. */
function expectedFromRecords(s: WorkbookSnapshot) {
  const evidence = new Map(s.evidence.map((e) => [e.id, e]));
  const cited = (requirementId: string) =>
    s.links
      .filter((l) => l.requirementId === requirementId)
      .map((l) => evidence.get(l.evidenceId)!)
      .sort((a, b) => a.id.localeCompare(b.id));
  const inDate = (e: Evidence) => !e.expiresOn || e.expiresOn >= s.today;
  const claims = s.responses.filter((r) => r.applicable && r.achievedLevel !== null && r.achievedLevel > 0);
  const unbacked = claims.filter((r) => !cited(r.requirementId).some(inDate));
  const atTarget = unbacked.filter((r) => r.achievedLevel! >= (r.targetLevel ?? s.assessment.defaultTargetLevel));
  const assessed = s.responses.filter((r) => r.applicable && r.achievedLevel !== null);
  const allAtTarget = assessed.filter((r) => r.achievedLevel! >= (r.targetLevel ?? s.assessment.defaultTargetLevel));
  return { cited, inDate, unbacked, atTarget, assessed, allAtTarget };
}

describe('evidence validity in the report', { timeout: 60_000 }, () => {
  let report: string;
  beforeAll(async () => {
    report = await body(snapshot, 'report');
  }, 60_000);

  it('counts in the executive summary the levels no valid evidence backs, as the records give them', () => {
    const x = expectedFromRecords(snapshot);
    // The sample is built to hold both: claims on expired evidence and claims on none.
    expect(x.unbacked.length).toBeGreaterThan(0);
    expect(x.atTarget.length).toBeGreaterThan(0);
    const row = rowsOf(report).find((r) => r.startsWith('Levels without valid evidence'));
    expect(row).toBe(
      `Levels without valid evidence | assessed without valid evidence: ${x.unbacked.length} of ${x.assessed.length}; assessed at target without valid evidence: ${x.atTarget.length} of ${x.allAtTarget.length}`,
    );
  });

  it('prints under each applicable requirement which evidence is valid and which expired, with the day it expired', () => {
    const x = expectedFromRecords(snapshot);
    const lines = paragraphsOf(report).filter((p) => p.startsWith('Evidence: '));
    for (const r of snapshot.responses.filter((r) => r.applicable)) {
      const items = x.cited(r.requirementId);
      const valid = items.filter(x.inDate).map((e) => e.id);
      const expired = items.filter((e) => !x.inDate(e)).map((e) => `${e.id} (expired ${e.expiresOn})`);
      const parts = [valid.length ? `valid (${valid.join(', ')})` : '', expired.length ? `expired: ${expired.join(', ')}` : ''].filter(
        Boolean,
      );
      const expected = !items.length ? 'none linked' : valid.length ? parts.join('; ') : `no valid evidence; ${parts.join('; ')}`;
      expect(lines, r.requirementId).toContain(`Evidence: ${expected}`);
    }
    // Some requirement in the sample cites expired evidence only.
    expect(lines.some((l) => l.startsWith('Evidence: no valid evidence; expired: '))).toBe(true);
  });

  it('says under each unbacked claim that it rests on the assessor’s word, once per such claim', () => {
    const said = paragraphsOf(report).filter((p) => p.startsWith('The level claimed is not backed by valid evidence'));
    expect(said).toHaveLength(expectedFromRecords(snapshot).unbacked.length);
  });

  it('marks expired evidence where the results tables, the SoA and the register cite it', async () => {
    const expired = snapshot.evidence.filter((e) => e.expiresOn && e.expiresOn < snapshot.today);
    expect(expired.length).toBeGreaterThan(0);
    const soa = await body(snapshot, 'soa');
    const register = await body(snapshot, 'register');
    for (const e of expired) {
      const citing = snapshot.links.filter((l) => l.evidenceId === e.id).map((l) => l.requirementId);
      for (const id of citing) {
        expect(rowsOf(report).some((row) => row.startsWith(`${id} |`) && row.includes(`${e.id} (expired)`))).toBe(true);
        expect(rowsOf(soa).some((row) => row.startsWith(`${id} |`) && row.includes(`${e.id} (expired)`))).toBe(true);
      }
      expect(rowsOf(register).find((row) => row.startsWith(`${e.id} |`))).toContain(`${e.expiresOn} (expired)`);
    }
    // In-date evidence is never marked.
    const current = snapshot.evidence.find((e) => !e.expiresOn)!;
    expect(textOf(soa)).not.toContain(`${current.id} (expired)`);
  });

  it('treats a file found missing or changed as no evidence, and says so where it is cited', async () => {
    const x = expectedFromRecords(snapshot);
    const backed = snapshot.responses.find(
      (r) => r.applicable && r.achievedLevel && x.cited(r.requirementId).filter(x.inDate).length === 1,
    )!;
    const only = x.cited(backed.requirementId).find(x.inDate)!;
    const damaged = createSnapshot({ ...snapshot, chain: { ok: false, seq: 0, reason: 'none', count: 0 }, damagedEvidence: [only.id] });
    expect(damaged.scores.requirements[backed.requirementId]!.hasValidEvidence).toBe(false);
    const text = paragraphsOf(await body(damaged, 'report'));
    expect(text.some((p) => p.startsWith('Evidence: no valid evidence') && p.includes(`file missing or changed: ${only.id}`))).toBe(true);
  });
});

describe('the SoA and the register', { timeout: 60_000 }, () => {
  it('give each applicable requirement of the SoA its evidence and where the full answer is', async () => {
    const rows = rowsOf(await body(snapshot, 'soa'));
    const x = expectedFromRecords(snapshot);
    for (const r of snapshot.responses.filter((r) => r.applicable)) {
      const row = rows.find((line) => line.startsWith(`${r.requirementId} |`))!;
      const ids = x.cited(r.requirementId).map((e) => e.id);
      expect(row).toContain(ids.length ? `Evidence: ${ids[0]}` : 'Evidence: none');
      expect(row).toContain('Full answer: report, results chapter');
    }
  });

  it('print each item’s owner, classification and exact size in bytes', async () => {
    const big = { ...snapshot.evidence.find((e) => e.kind === 'file')!, size: 1_234_567, owner: 'Ana Ruiz', classification: 'TLP:RED' };
    const s = { ...snapshot, evidence: snapshot.evidence.map((e) => (e.id === big.id ? big : e)) };
    const rows = rowsOf(await body(s, 'register'));
    const row = rows.find((line) => line.startsWith(`${big.id} |`))!;
    expect(row).toContain('1,234,567 bytes');
    expect(row).toContain('Ana Ruiz');
    expect(row).toContain('TLP:RED');
    for (const e of snapshot.evidence.filter((e) => e.size !== undefined && e.id !== big.id)) {
      expect(rows.find((line) => line.startsWith(`${e.id} |`))).toContain(exactBytes(e.size!));
    }
  });

  it('point to a narrative by its first sentence, cut at a word when long', () => {
    expect(firstSentence('Policy approved in 2025. Reviewed yearly.')).toBe('Policy approved in 2025.');
    expect(firstSentence('Version 2.1 of the policy applies')).toBe('Version 2.1 of the policy applies');
    const long = firstSentence(`${'word '.repeat(60)}end.`);
    expect(long.length).toBeLessThanOrEqual(140);
    expect(long).toMatch(/ word…$|^(word )*word…$/);
    expect(firstSentence('')).toBe('');
  });

  it('write sizes to the byte', () => {
    expect(exactBytes(0)).toBe('0 bytes');
    expect(exactBytes(1)).toBe('1 byte');
    expect(exactBytes(953)).toBe('953 bytes');
    expect(exactBytes(1_000)).toBe('1,000 bytes');
    expect(exactBytes(1_073_741_825)).toBe('1,073,741,825 bytes');
  });
});

describe('the overdue count', { timeout: 60_000 }, () => {
  it('is the same in the executive summary and in the plan, with actions outside the scope or not applicable listed but not counted', async () => {
    const dropped = snapshot.assessment.scope.at(-1)!;
    const outside = catalogue.spes.find((s) => s.id === dropped)!.elements[0]!.requirements[0]!.id;
    const answered = snapshot.responses.find((r) => r.applicable && !r.requirementId.startsWith(dropped))!;
    const overdue = (requirementId: string, id: string): Action => ({
      ...snapshot.actions[0]!,
      id,
      requirementId,
      status: 'open',
      dueDate: '2026-01-10',
    });
    const s = rebuilt(snapshot, {
      assessment: { ...snapshot.assessment, scope: snapshot.assessment.scope.slice(0, -1) },
      responses: snapshot.responses.map((r) =>
        r.requirementId === answered.requirementId ? { ...r, applicable: false, justification: 'Not here.' } : r,
      ),
      actions: [...snapshot.actions, overdue(outside, 'act-outside'), overdue(answered.requirementId, 'act-na')],
    });
    const summary = rowsOf(await body(s, 'report')).find((r) => r.startsWith('Remediation actions |'))!;
    const plan = paragraphsOf(await body(s, 'plan')).find((p) => / actions? recorded: /.test(p))!;
    const [, summaryOpen, summaryOverdue] = /(\d+) open, of which (\d+) overdue/.exec(summary)!;
    const [, planOpen, planOverdue] = /(\d+) open or in progress, of which (\d+) overdue/.exec(plan)!;
    expect(planOverdue).toBe(summaryOverdue);
    expect(planOpen).toBe(summaryOpen);
    // Counted from the records: open, due before today, on an applicable requirement in scope.
    const applicableInScope = (id: string) => s.scores.requirements[id]?.applicable === true;
    const expected = s.actions.filter(
      (a) => (a.status === 'open' || a.status === 'in-progress') && a.dueDate && a.dueDate < s.today && applicableInScope(a.requirementId),
    );
    expect(Number(planOverdue)).toBe(expected.length);
    const uncounted = s.actions.filter((a) => !applicableInScope(a.requirementId)).length;
    expect(uncounted).toBeGreaterThanOrEqual(2);
    expect(plan).toContain(`${uncounted} actions on requirements outside the scope or not applicable are listed but not counted.`);
  });
});
