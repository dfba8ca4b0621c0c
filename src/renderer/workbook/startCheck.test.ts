import { beforeEach, describe, expect, it } from 'vitest';
import { logHead } from '../db/integrity';
import { saveResponse } from '../db/repo/responses';
import { dbWithAssessment, freshDb } from '../db/testDb';
import { installMemoryStorage } from '../hooks/memoryStorage';
import { followCommits, keepCopies, readMarker, recordSave } from './marker';
import { checkAgainstMarker } from './startCheck';

beforeEach(() => {
  installMemoryStorage();
  keepCopies('', []);
});

describe('the marker outside the database', () => {
  it('follows every committed change, and never moves back', async () => {
    const { db, assessment } = await dbWithAssessment();
    const stop = followCommits(db.name);
    await saveResponse(db, assessment.id, 'ORG 1.1', { narrative: 'one' });
    stop();
    const head = await logHead(db);
    expect(readMarker(db.name)).toMatchObject(head);
    recordSave(db.name, { count: 1, head: head.head, at: 'earlier' });
    expect(readMarker(db.name)?.count).toBe(head.count);
  });

  it('lets a workbook that matches it open, and records one that has none yet', async () => {
    const { db, assessment } = await dbWithAssessment();
    await saveResponse(db, assessment.id, 'ORG 1.1', { narrative: 'one' });
    expect(await checkAgainstMarker(db)).toBeNull();
    expect(readMarker(db.name)).toMatchObject(await logHead(db));
    expect(await checkAgainstMarker(db)).toBeNull();
  });

  it('stops an empty database from opening as a new workbook when the marker says there was one', async () => {
    const db = await freshDb();
    recordSave(db.name, { count: 40, head: 'a'.repeat(64), at: '2026-11-30T08:00:00.000Z' });
    expect(await checkAgainstMarker(db)).toMatch(/held a workbook with 40 recorded changes.*the database is now empty/);
  });

  it('reports a log shorter than recorded, or rewritten', async () => {
    const { db, assessment } = await dbWithAssessment();
    await saveResponse(db, assessment.id, 'ORG 1.1', { narrative: 'one' });
    const head = await logHead(db);
    recordSave(db.name, { ...head, count: head.count + 5, at: '2026-11-30T08:00:00.000Z' });
    expect(await checkAgainstMarker(db)).toMatch(/has 3 entries, but this computer recorded 8/);
    localStorage.clear();
    recordSave(db.name, { count: head.count, head: 'b'.repeat(64), at: '2026-11-30T08:00:00.000Z' });
    expect(await checkAgainstMarker(db)).toMatch(/no longer matches/);
  });

  it('uses another copy when the local copy was lost with the profile', async () => {
    const db = await freshDb();
    const file = JSON.stringify({ count: 12, head: 'c'.repeat(64), at: '2026-11-30T08:00:00.000Z' });
    const writes: string[] = [];
    keepCopies(db.name, [null, { read: () => Promise.resolve(file), write: async (text) => void writes.push(text) }]);
    expect(await checkAgainstMarker(db)).toMatch(/12 recorded changes/);
    recordSave(db.name, { count: 13, head: 'd'.repeat(64), at: 'now' });
    expect(JSON.parse(writes.at(-1)!)).toMatchObject({ count: 13 });
  });
});
