import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { sampleSnapshot } from './sampleSnapshot';

const catalogue = catalogue2024();

describe('the sample snapshot', () => {
  const { snapshot, files } = sampleSnapshot(catalogue, new Date('2026-06-15T09:00:00Z'));

  it('holds the assessment, its records and their scores as plain JSON', () => {
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot.format).toBe(1);
    expect(snapshot.responses).toHaveLength(29);
    expect(snapshot.scores.overall).toMatchObject({ applicable: 85, assessed: 27 });
    expect(Object.keys(snapshot.scores.spes)).toHaveLength(8);
  });

  it('keeps only linked evidence, with a hash for every file and the file bytes beside it', () => {
    const linked = new Set(snapshot.links.map((l) => l.evidenceId));
    expect(snapshot.evidence.every((e) => linked.has(e.id))).toBe(true);
    for (const e of snapshot.evidence.filter((x) => x.kind === 'file')) expect(files.get(e.sha256!)?.length).toBe(e.size);
  });

  it('attests a verified change log with its head hash', () => {
    expect(snapshot.changeLog).toMatchObject({ entries: 29, verified: true, brokenAt: null });
    expect(snapshot.changeLog.headHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
