import { describe, expect, it } from 'vitest';
import { chainEntry, GENESIS_HASH, type AuditEntry } from '../../core/audit/chain';
import { recordState } from '../../core/audit/recordState';
import { checkIntegrity, checkLog, logHead, verifyAudit } from './integrity';
import { addFiles } from './repo/evidence';
import { saveResponse } from './repo/responses';
import { dbWithAssessment, fileOf, tamper, tamperRecord } from './testDb';

describe('integrity check', () => {
  it('passes on an untouched workbook and counts what it checked', async () => {
    const { db } = await dbWithAssessment();
    await addFiles(db, [fileOf('a.txt', 'alpha'), fileOf('b.txt', 'bravo')]);
    const report = await checkIntegrity(db);
    expect(report).toMatchObject({ chain: { ok: true }, filesChecked: 2, bytesChecked: 10, blobProblems: [] });
  });

  it('names the change-log entry that was tampered with', async () => {
    const { db, assessment } = await dbWithAssessment();
    for (const level of [1, 2, 3] as const) await saveResponse(db, assessment.id, 'ORG 1.1', { achievedLevel: level });
    const target = (await db.audit.orderBy('seq').toArray()).at(-2)!;
    await tamper(db, 'audit', (store) => store.put({ ...target, change: { ...target.change, after: { achievedLevel: 4 } } }));
    expect(await verifyAudit(db)).toMatchObject({ ok: false, seq: target.seq, reason: 'its content was changed after it was written' });
  });

  it('names the evidence whose stored bytes no longer match their hash, or are gone', async () => {
    const { db } = await dbWithAssessment();
    await addFiles(db, [fileOf('a.txt', 'alpha'), fileOf('b.txt', 'bravo')]);
    const [a, b] = await db.evidence.orderBy('number').toArray();
    await tamper(db, 'blobs', (store) => {
      store.put({ sha256: a!.sha256!, blob: new Blob(['alphA']), size: 5 });
      store.delete(b!.sha256!);
    });
    const report = await checkIntegrity(db);
    expect(report.blobProblems).toEqual([
      { sha256: a!.sha256, evidenceIds: ['EV-0001'], problem: 'changed' },
      { sha256: b!.sha256, evidenceIds: ['EV-0002'], problem: 'missing' },
    ]);
  });

  describe('the data against the log, and the log against a recorded head', () => {
    async function workbook() {
      const { db, assessment } = await dbWithAssessment();
      for (const id of ['ORG 1.1', 'ORG 1.2', 'NET 1.1']) await saveResponse(db, assessment.id, id, { achievedLevel: 2, narrative: id });
      const head = await logHead(db);
      return { db, assessment, anchor: { ...head, at: 'today', source: 'the last export' } };
    }

    it('passes an untouched workbook, and says how many records it compared', async () => {
      const { db, anchor } = await workbook();
      const log = await checkLog(db, [anchor]);
      expect(log.chain.ok && log.continuity.ok).toBe(true);
      expect(log.data).toEqual({ ok: true, records: 5 });
    });

    it('reports the last entries removed as a truncated log', async () => {
      const { db, anchor } = await workbook();
      await tamper(db, 'audit', (store) => store.delete(IDBKeyRange.lowerBound(anchor.count - 1)));
      const log = await checkLog(db, [anchor]);
      expect(log.chain.ok).toBe(true); // What is left still chains: only the recorded head shows the loss.
      expect(log.continuity).toMatchObject({ ok: false, message: expect.stringMatching(/truncated.*the last 2 entries were removed/) });
    });

    it('reports a log removed entirely', async () => {
      const { db, anchor } = await workbook();
      await tamper(db, 'audit', (store) => store.clear());
      const log = await checkLog(db, [anchor]);
      expect(log.continuity).toMatchObject({ ok: false, message: expect.stringMatching(/change log is empty.*the log was removed/) });
      expect(log.data.ok).toBe(false);
    });

    it('names a record edited outside the log', async () => {
      const { db, assessment } = await workbook();
      await tamperRecord(db, 'responses', [assessment.id, 'ORG 1.2'], { achievedLevel: 4 });
      const log = await checkLog(db);
      expect(log.chain.ok).toBe(true);
      expect(log.data).toMatchObject({
        ok: false,
        problems: [
          {
            entity: 'response',
            problem: 'changed',
            message: expect.stringContaining('ORG 1.2 differs from what the change log last recorded'),
          },
        ],
      });
    });

    it('names records added or removed outside the log', async () => {
      const { db, assessment } = await workbook();
      await tamper(db, 'responses', (store) => store.delete([assessment.id, 'NET 1.1']));
      await tamper(db, 'sites', (store) => store.add({ id: 'smuggled', name: 'Not logged', location: '', createdAt: '' }));
      const log = await checkLog(db);
      expect(log.data.ok ? [] : log.data.problems.map((p) => [p.id, p.problem])).toEqual([
        ['smuggled', 'not-in-log'],
        [`${assessment.id}|NET 1.1`, 'removed'],
      ]);
    });

    it('catches a chain recomputed after an edit by the head recorded before it', async () => {
      const { db, assessment, anchor } = await workbook();
      await tamperRecord(db, 'responses', [assessment.id, 'ORG 1.1'], { achievedLevel: 4 });
      // Rewrite the log so that it matches the edited data and chains perfectly.
      const entries = (await db.audit.orderBy('seq').toArray()) as AuditEntry[];
      const edited = await db.responses.get([assessment.id, 'ORG 1.1']);
      let previous: AuditEntry | undefined;
      const rebuilt = entries.map((e) => {
        const { seq: _s, prevHash: _p, hash: _h, ...content } = e;
        const state = e.entity === 'response' && e.id === `${assessment.id}|ORG 1.1` ? recordState(edited) : e.state;
        return (previous = chainEntry(previous, { ...content, state }));
      });
      await tamper(db, 'audit', (store) => {
        store.clear();
        for (const entry of rebuilt) store.add(entry);
      });
      expect(rebuilt[0]!.prevHash).toBe(GENESIS_HASH);
      const log = await checkLog(db, [anchor]);
      expect(log.chain.ok && log.data.ok).toBe(true);
      expect(log.continuity).toMatchObject({ ok: false, message: expect.stringMatching(/no longer extends the head.*rewritten/) });
    });
  });
});
