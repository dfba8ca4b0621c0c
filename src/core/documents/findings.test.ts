/** The report's findings table and the remediation plan by ACT ID, read back from the packed documents. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { plainXml } from '../../../test/fixtures/docxText';
import { findingsOf } from '../findings/findings';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { buildDocument, packDocument, type DocumentKind } from './build';

const { snapshot } = sampleSnapshot(catalogue2024(), new Date('2026-06-15T09:00:00Z'));

async function text(s: WorkbookSnapshot, kind: DocumentKind): Promise<string> {
  const files = unzipSync(await packDocument(buildDocument(s, kind, {})));
  // A line break inside a paragraph reads as a new line, as it prints.
  const xml = plainXml(strFromU8(files['word/document.xml']!)).replace(/<w:br\/>/g, '<w:t>\n</w:t>');
  return [...xml.matchAll(/<w:p[ >](?:(?!<\/w:p>).)*<\/w:p>/gs)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&');
}

describe('the findings section of the report', () => {
  it('counts the findings by grade and prints each with its ID, grade, levels and actions, major first', async () => {
    const report = await text(snapshot, 'report');
    const findings = findingsOf(snapshot);
    const section = report.slice(report.indexOf('\nFindings\n'));
    expect(section).toContain('22 findings: 6 major, 11 minor and 5 observations.');
    expect(section).toContain('major for a gap of two levels or more');
    const order = findings.map((f) => section.indexOf(`\n${f.id}\n`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // NET 3.2 is two levels short and has the sample's first action.
    const net = section.slice(section.indexOf('\nF-NET-3.2\n'));
    expect(net).toMatch(/^\nF-NET-3\.2\nMajor: below target\nNET 3\.2 Remote access connections\nML3 \/ ML1\ngap 2\nAchieved ML1/);
    expect(net.slice(0, net.indexOf('\nF-', 2))).toMatch(/\nACT-0001$/);
    expect(section).toContain('\nF-COMP-2.2\nObservation: no valid evidence\n');
  });

  it('prints the assessor’s wording where a finding was overridden', async () => {
    const responses = snapshot.responses.map((r) =>
      r.requirementId === 'NET 3.2' ? { ...r, finding: { grade: 'minor' as const, risk: 'Vendors can reach the PLCs unseen' } } : r,
    );
    const report = await text({ ...snapshot, responses }, 'report');
    expect(report).toContain('\nF-NET-3.2\nMinor: below target\n');
    expect(report).toContain('Vendors can reach the PLCs unseen');
    expect(report).toContain('the assessor’s wording is printed');
  });
});

describe('the remediation plan', () => {
  it('lists the actions by ACT ID with the finding, the level expected after and the closure check', async () => {
    const plan = await text(snapshot, 'plan');
    const ids = [...plan.matchAll(/^ACT-\d{4}$/gm)].map((m) => m[0]);
    expect(ids).toEqual(['ACT-0001', 'ACT-0002', 'ACT-0003', 'ACT-0004', 'ACT-0005', 'ACT-0006']);
    const first = plan.slice(plan.indexOf('\nACT-0001\n'), plan.indexOf('\nACT-0002\n'));
    expect(first).toContain('\nNET 3.2\nF-NET-3.2\n');
    expect(first).toContain('Closure check: A month of jump host session logs reviewed');
    expect(first).toMatch(/\nML3$/);
    expect(plan.slice(plan.indexOf('\nACT-0006\n'))).toContain('\nCM 1.1\nno finding\n');
  });

  it('plans for the requirements not yet assessed: their count and each of them', async () => {
    const plan = await text(snapshot, 'plan');
    const pending = Object.values(snapshot.scores.requirements).filter((s) => s.applicable && !s.assessed);
    expect(plan).toContain(`Requirements not yet assessed\n${pending.length} applicable requirements have no achieved level yet.`);
    for (const s of pending) expect(plan).toContain(`\n${s.requirementId}\n`);
  });

  it('numbers actions from before numbering by the display rule: after the highest, oldest first', async () => {
    const actions = snapshot.actions.map((a, i) => {
      const { number: _n, ...rest } = a;
      return i < 2 ? { ...rest, createdAt: `2026-01-0${2 - i}T00:00:00.000Z` } : a;
    });
    const plan = await text({ ...snapshot, actions }, 'plan');
    // The first two lost their numbers; the second was created first, so it is ACT-0007.
    expect(plan.slice(plan.indexOf('\nACT-0007\n'))).toMatch(/^\nACT-0007\nEVENT 1\.8\n/);
    expect(plan.slice(plan.indexOf('\nACT-0008\n'))).toMatch(/^\nACT-0008\nNET 3\.2\n/);
  });
});
