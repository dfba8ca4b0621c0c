import { describe, expect, it } from 'vitest';
import { chainEntry, GENESIS_HASH, verifyChain, type AuditEntry } from './chain';

function build(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    entries.push(
      chainEntry(entries.at(-1), {
        at: `2026-01-0${(i % 9) + 1}T10:00:00.000Z`,
        actor: 'Dana Ops',
        entity: 'response',
        id: `a1|NET 1.${i}`,
        change: { op: 'update', before: { achieved: i }, after: { achieved: i + 1 } },
      }),
    );
  }
  return entries;
}

describe('audit chain', () => {
  it('links each entry to the one before and verifies an intact chain', () => {
    const entries = build(5);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[3]!.prevHash).toBe(entries[2]!.hash);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(verifyChain(entries)).toEqual({ ok: true, count: 5, head: entries[4]!.hash, first: entries[0]!.at, last: entries[4]!.at });
  });

  it('verifies an empty chain with the genesis head', () => {
    expect(verifyChain([])).toMatchObject({ ok: true, count: 0, head: GENESIS_HASH });
  });

  it('names the entry whose content was changed', () => {
    const entries = build(6);
    entries[3] = { ...entries[3]!, change: { op: 'update', before: { achieved: 3 }, after: { achieved: 4 } }, actor: 'Mallory' };
    expect(verifyChain(entries)).toMatchObject({ ok: false, seq: 4, reason: 'its content was changed after it was written' });
  });

  it('names the place where an entry was removed', () => {
    const entries = build(6);
    entries.splice(2, 1);
    expect(verifyChain(entries)).toMatchObject({ ok: false, seq: 4, reason: 'entry 3 is missing (found 4 in its place)' });
  });

  it('reports its progress as it goes, ending with every entry checked', () => {
    const entries = build(7);
    const seen: [number, number][] = [];
    verifyChain(entries, { onProgress: (done, total) => seen.push([done, total]), progressEvery: 3 });
    expect(seen).toEqual([
      [0, 7],
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
    // A broken chain stops the count at the entries checked before the break.
    entries[4] = { ...entries[4]!, actor: 'Mallory' };
    const broken: number[] = [];
    verifyChain(entries, { onProgress: (done) => broken.push(done), progressEvery: 2 });
    expect(broken).toEqual([0, 2, 4]);
  });

  it('detects a rewritten entry whose hash was recomputed, at the next link', () => {
    const entries = build(4);
    const { seq: _seq, prevHash: _prev, hash: _hash, ...content } = entries[1]!;
    const forged = chainEntry(entries[0], { ...content, actor: 'Mallory' });
    entries[1] = forged;
    expect(verifyChain(entries)).toMatchObject({ ok: false, seq: 3, reason: 'its link to the previous entry does not match' });
  });
});

describe('withheld entries', () => {
  /** The entry at `index` with its content left out, as a one-assessment bundle carries it. */
  function withhold(entries: AuditEntry[], index: number) {
    const { seq, prevHash, hash } = entries[index]!;
    return entries.map((e, i) => (i === index ? { seq, withheld: true as const, prevHash, hash } : e));
  }

  it('refuses an entry whose content is missing unless the caller allows it', () => {
    const entries = build(4);
    const chain = withhold(entries, 1);
    expect(verifyChain(chain)).toMatchObject({ ok: false, seq: 2, reason: 'its content is missing' });
    expect(verifyChain(chain, { allowWithheld: false })).toMatchObject({ ok: false, seq: 2 });
    expect(verifyChain(chain, { allowWithheld: true })).toMatchObject({ ok: true, count: 4, head: entries[3]!.hash });
  });
});
