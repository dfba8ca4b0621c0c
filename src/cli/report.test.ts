import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { catalogue2024 } from '../../test/fixtures/catalogues';
import type * as Limits from '../core/documents/limits';
import { sampleSnapshot } from '../core/snapshot/sampleSnapshot';
import { InputError } from './errors';
import { runReport } from './report';
import { recordsOf } from './snapshotSchema';

// A small bound stands in for the real one, so the refusal is reached with the sample's 15 or so items.
vi.mock('../core/documents/limits', async (original) => {
  const real = await original<typeof Limits>();
  const small = { evidence: 5, links: 1_000, actions: 1_000, textChars: 10_000_000 };
  return {
    ...real,
    documentLimitProblem: (snapshot: Parameters<typeof real.documentLimitProblem>[0]) => real.documentLimitProblem(snapshot, small),
  };
});

const dir = mkdtempSync(path.join(tmpdir(), 'csms-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('csms report past the bound of a document set', () => {
  it('stops with one sentence naming the count and the bound, and writes nothing', async () => {
    const { snapshot } = sampleSnapshot(catalogue2024(), new Date('2026-06-15T09:00:00Z'));
    const input = path.join(dir, 'sample.json');
    writeFileSync(input, JSON.stringify(recordsOf(snapshot)));
    const out = path.join(dir, 'documents');
    const written: string[] = [];
    const run = runReport([input, '--doc', 'all', '--out', out], (text) => void written.push(text));
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(
      `The documents were not built: this assessment has ${snapshot.evidence.length} evidence items and a document set holds at most 5.`,
    );
    expect(written).toEqual([]);
    expect(existsSync(out)).toBe(false);
    // Reading and checking the snapshot file takes seconds on a busy machine.
  }, 30_000);
});
