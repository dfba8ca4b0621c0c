/** The sign-off page prints exactly the recorded sign-off, never the list of people, and is the report's one place of approval. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import type { SignOff } from '../records/model';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { buildDocument, packDocument } from './build';
import { plainXml } from '../../../test/fixtures/docxText';

const { snapshot } = sampleSnapshot(catalogue2024(), new Date('2026-06-15T09:00:00Z'));
const [first, second, third] = snapshot.people;
const HEAD = 'c0ffee'.repeat(10) + 'c0ff';

async function reportBody(s: WorkbookSnapshot): Promise<string> {
  const files = unzipSync(await packDocument(buildDocument(s, 'report', {})));
  return plainXml(strFromU8(files['word/document.xml']!));
}

const textOf = (xml: string) => [...plainXml(xml).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
/** The text of each table row in a stretch of the document, cells joined by " | ". */
const rowsOf = (xml: string) =>
  xml
    .split('<w:tr>')
    .slice(1)
    .map((row) =>
      row
        .slice(0, row.indexOf('</w:tr>'))
        .split('<w:tc>')
        .slice(1)
        .map((cell) => textOf(cell))
        .join(' | '),
    );
/** From the heading with this text to the next heading of level 1 or 2. */
function section(body: string, heading: string): string {
  const headings = [...body.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading[12]"\/>(?:(?!<\/w:p>).)*<\/w:p>/g)];
  const at = headings.findIndex((m) => textOf(m[0]) === heading);
  expect(at, heading).toBeGreaterThan(-1);
  const start = headings[at]!.index;
  return body.slice(start, headings[at + 1]?.index ?? body.length);
}

/** The report's approvals are on the sign-off page only: document control points there and holds no table of its own. */
function expectOneApprovalPlace(body: string): void {
  const approval = section(body, 'Approval');
  expect(rowsOf(approval)).toEqual([]);
  expect(textOf(approval)).toContain('Sign-off page');
  expect(rowsOf(body).filter((row) => /^(Role|Capacity) \| Name/.test(row))).toHaveLength(1);
}

function signed(signOff: SignOff): WorkbookSnapshot {
  return { ...snapshot, assessment: { ...snapshot.assessment, status: 'signed-off', signOff } };
}

describe('an assessment not signed off', () => {
  it('has blank rows for preparer, reviewer and approver, and names nobody from People', async () => {
    expect(snapshot.people.length).toBeGreaterThan(2);
    const body = await reportBody(snapshot);
    const signOff = section(body, 'Sign-off');
    expect(rowsOf(signOff)).toEqual(['Role | Name | Date | Signature', 'Preparer |  |  | ', 'Reviewer |  |  | ', 'Approver |  |  | ']);
    expectOneApprovalPlace(body);
    for (const p of snapshot.people) expect(textOf(signOff)).not.toContain(p.name);
    expect(textOf(signOff)).toContain('has not been signed off');
  });
});

describe('a signed-off assessment', () => {
  const withRoles: SignOff = {
    by: third!.name,
    role: 'Approver',
    at: '2026-07-01',
    note: 'Accepted as presented for the period.',
    signatories: [
      { role: 'approver', personId: 'p3', name: third!.name },
      { role: 'preparer', personId: 'p1', name: first!.name },
    ],
    logHead: { count: 412, hash: HEAD },
  };

  it('prints its signatories in role order, the date, the statement and the log head at sign-off, and nobody else', async () => {
    const body = await reportBody(signed(withRoles));
    const signOff = section(body, 'Sign-off');
    expect(rowsOf(signOff)).toEqual([
      'Role | Name | Date | Signature',
      `Preparer | ${first!.name} | 2026-07-01 | `,
      `Approver | ${third!.name} | 2026-07-01 | `,
    ]);
    expect(textOf(signOff)).toContain('Accepted as presented for the period.');
    expect(textOf(signOff)).toContain(`entry 412, ${HEAD}`);
    expect(textOf(signOff)).not.toContain(second!.name);
    for (const p of snapshot.people.slice(3)) expect(textOf(signOff)).not.toContain(p.name);
    expectOneApprovalPlace(body);
  });

  it('prints a sign-off recorded before roles as the one person in the role they gave', async () => {
    const body = await reportBody(signed({ by: second!.name, role: 'Reviewer', at: '2025-12-01', note: '' }));
    expect(rowsOf(section(body, 'Sign-off'))).toEqual(['Role | Name | Date | Signature', `Reviewer | ${second!.name} | 2025-12-01 | `]);
    expect(textOf(section(body, 'Sign-off'))).toContain('Not recorded with this sign-off.');
    expectOneApprovalPlace(body);
  });
});

describe('who last changed each answer', () => {
  it('is printed with the requirement when the snapshot has it from the change log, and not otherwise', async () => {
    const requirementId = snapshot.responses.find((r) => r.applicable)!.requirementId;
    const lastChange = { [requirementId]: { actor: 'Marcus Lee', at: '2026-03-02T09:30:00.000Z' } };
    const text = textOf(await reportBody({ ...snapshot, lastChange }));
    expect(text).toContain('Last changed: by Marcus Lee on 2026-03-02 09:30 UTC');
    expect(text.match(/Last changed:/g)).toHaveLength(1);
    expect(textOf(await reportBody(snapshot))).not.toContain('Last changed');
  });
});
