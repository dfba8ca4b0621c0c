import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { verifyChain } from '../audit/chain';
import { reconcile } from '../audit/reconcile';
import { bundleRecordsSchema } from '../bundle/contents';
import { recordDigests } from '../bundle/recordIds';
import { sha256Hex } from '../hashing/sha256';
import { assessmentSchema } from '../records/schema';
import { SYNTHETIC_MAX_FILES, syntheticBundle, syntheticCounts, syntheticRecords, syntheticSnapshot } from './synthetic';

const catalogue = catalogue2024();
const NOW = new Date('2026-06-15T09:00:00Z');
const APP = { name: 'CSMS Workbook', version: '0.0.0' };
const requirementCount = catalogue.spes.flatMap((s) => s.elements.flatMap((e) => e.requirements)).length;

describe('the synthetic workbook', () => {
  it('holds exactly the counts asked for, every record valid against the one schema', () => {
    const { records, files } = syntheticRecords(catalogue, NOW, APP, { evidence: 1_500, links: 4_001, actions: 77 });
    expect(bundleRecordsSchema.safeParse(records).success).toBe(true);
    expect(assessmentSchema.safeParse(records.assessments[0]).success).toBe(true);
    expect(records.evidence).toHaveLength(1_500);
    expect(records.links).toHaveLength(4_001);
    expect(records.actions).toHaveLength(77);
    expect(records.responses).toHaveLength(requirementCount);
    expect(new Set(records.evidence.map((e) => e.kind))).toEqual(new Set(['file', 'link', 'note']));
    for (const e of records.evidence.filter((x) => x.kind === 'file')) {
      const bytes = files.get(e.sha256!)!;
      expect(sha256Hex(bytes)).toBe(e.sha256);
      expect(bytes.length).toBe(e.size);
    }
  });

  it('links every item at least once and never one item twice to the same requirement', () => {
    const { records } = syntheticRecords(catalogue, NOW, APP, { evidence: 300, links: 300 * requirementCount });
    const pairs = new Set(records.links.map((l) => `${l.evidenceId}|${l.requirementId}`));
    expect(pairs.size).toBe(records.links.length);
    const linked = new Set(records.links.map((l) => l.evidenceId));
    expect(records.evidence.every((e) => linked.has(e.id))).toBe(true);
  });

  it('is the same for the same seed and day, and differs for another seed', () => {
    const a = syntheticRecords(catalogue, NOW, APP, { evidence: 400, seed: 7 });
    const b = syntheticRecords(catalogue, NOW, APP, { evidence: 400, seed: 7 });
    const c = syntheticRecords(catalogue, NOW, APP, { evidence: 400, seed: 8 });
    expect(JSON.stringify(b.records)).toBe(JSON.stringify(a.records));
    expect(JSON.stringify(c.records)).not.toBe(JSON.stringify(a.records));
  });

  it('stops making files at the cap, so a large bundle stays small', () => {
    const { records, files } = syntheticRecords(catalogue, NOW, APP, { evidence: 30_000, links: 30_000 });
    expect(files.size).toBe(SYNTHETIC_MAX_FILES);
    expect(records.evidence.filter((e) => e.kind === 'file')).toHaveLength(SYNTHETIC_MAX_FILES);
  });

  it('comes with a change log that verifies and vouches for every record', () => {
    const { input } = syntheticBundle(catalogue, NOW, APP, { evidence: 200 });
    const verdict = verifyChain(input.log);
    expect(verdict.ok).toBe(true);
    expect(reconcile(input.log, recordDigests(input.records))).toEqual({ ok: true, records: input.log.length });
  });

  it('scores as a snapshot with every item linked to the assessment', () => {
    const snapshot = syntheticSnapshot(catalogue, NOW, APP, { evidence: 250, links: 500 });
    expect(snapshot.evidence).toHaveLength(250);
    expect(snapshot.scores.overall.requirements).toBe(requirementCount);
    expect(snapshot.responses.every((r) => !r.updatedBy.startsWith('sample-person'))).toBe(true);
  });

  it('refuses counts it cannot meet with a sentence naming the range', () => {
    expect(() => syntheticCounts({ evidence: 10, links: 9 }, requirementCount)).toThrow(/from 10 \(one per item\)/);
    expect(() => syntheticCounts({ evidence: 0 }, requirementCount)).toThrow(/at least 1/);
    expect(() => syntheticCounts({ evidence: 2, links: 2 * requirementCount + 1 }, requirementCount)).toThrow(RangeError);
  });
});
