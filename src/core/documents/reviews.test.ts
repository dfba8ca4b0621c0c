/** The report prints received reviews beside each requirement and in their own section, stale verdicts as stale. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { chainEntry, type AuditEntry } from '../audit/chain';
import { printedReviewsFromLog } from '../review/printed';
import type { Review } from '../review/schema';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { buildDocument, packDocument } from './build';
import { plainXml } from '../../../test/fixtures/docxText';

const { snapshot } = sampleSnapshot(catalogue2024(), new Date('2026-06-15T09:00:00Z'));
const at = '2026-06-10T08:00:00.000Z';
const assessmentId = snapshot.assessment.id;

const review: Review = {
  id: 'review-1',
  assessmentId,
  assessmentName: snapshot.assessment.name,
  reviewer: { name: 'Ines Prüfer', organization: 'Audit & Co' },
  basedOn: { count: 2, head: 'a'.repeat(64) },
  verdicts: [
    { requirementId: 'ORG 1.1', verdict: 'accepted', comment: 'Policy seen and signed.', at },
    { requirementId: 'ORG 1.4', verdict: 'not-accepted', comment: 'No records of the drill.', at },
  ],
  evidenceChecks: [{ evidenceId: 'EV-0001', sha256: 'b'.repeat(64), result: 'verified', note: 'Re-hashed', at }],
  origin: 'received',
  fileSha256: 'c'.repeat(64),
  createdAt: at,
  updatedAt: at,
};

function log(): AuditEntry[] {
  let last: AuditEntry | undefined;
  const entries: AuditEntry[] = [];
  for (const [entity, id] of [
    ['site', 's'],
    ['person', 'p'],
    ['response', `${assessmentId}|ORG 1.4`],
  ] as const) {
    last = chainEntry(last, { at, actor: 'Dana', entity, id, change: { op: 'update', before: {}, after: {} } });
    entries.push(last);
  }
  return entries;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&apos;': "'", '&lt;': '<', '&gt;': '>' };
const textOf = (xml: string) =>
  [...plainXml(xml).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!.replace(/&(amp|quot|apos|lt|gt);/g, (e) => ENTITIES[e]!))
    .join('');

async function reportText(s: WorkbookSnapshot): Promise<string> {
  const files = unzipSync(await packDocument(buildDocument(s, 'report', {})));
  return textOf(strFromU8(files['word/document.xml']!));
}

describe('received reviews in the report', () => {
  it('prints each verdict beside its requirement and in the review section; one changed after the review is printed stale', async () => {
    const reviews = printedReviewsFromLog([review, { ...review, id: 'own', origin: 'own' }], log(), assessmentId);
    expect(reviews.map((r) => r.id)).toEqual(['review-1']);
    const text = await reportText({ ...snapshot, reviews });
    expect(text).toContain('Independent review');
    expect(text).toContain('Review by Ines Prüfer, Audit & Co');
    expect(text).toContain('Reviewer’s verdict (Ines Prüfer, 2026-06-10): Accepted: Policy seen and signed.');
    expect(text).toMatch(/Reviewer’s verdict \(Ines Prüfer, 2026-06-10\): Not accepted — STALE: the answer changed after the review/);
    expect(text).toContain('Not accepted (stale)');
    expect(text).toContain('accepted 1, more evidence needed 0, not accepted 0; stale 1');
    expect(text).toContain('Matches the register');
  });

  it('has no review section when nothing was received', async () => {
    const text = await reportText(snapshot);
    expect(text).not.toContain('Independent review');
    expect(text).not.toContain('Reviewer’s verdict');
  });
});
