import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../database';

describe('schema version 1', () => {
  it('creates every table with the indexes the screens query by', async () => {
    const db = await openWorkbook(`v1-${Math.random()}`);
    const indexes = Object.fromEntries(db.tables.map((t) => [t.name, t.schema.indexes.map((i) => i.name).sort()]));
    expect(Object.keys(indexes).sort()).toEqual(
      [
        'actions',
        'assessments',
        'audit',
        'blobs',
        'evidence',
        'links',
        'meta',
        'organization',
        'overlays',
        'people',
        'responses',
        'reviews',
        'settings',
        'sites',
      ].sort(),
    );
    expect(indexes.responses).toEqual(['assessmentId', 'updatedAt']);
    expect(indexes.links).toEqual(['[assessmentId+requirementId]', 'assessmentId', 'evidenceId']);
    // Version 4 added the number index.
    expect(indexes.actions).toEqual(['[assessmentId+requirementId]', '[status+dueDate]', 'assessmentId', 'dueDate', 'number', 'status']);
    expect(indexes.evidence).toEqual(['expiresOn', 'kind', 'number', 'sha256', 'updatedAt']);
    expect(db.table('evidence').schema.idxByName.number!.unique).toBe(true);
    db.close();
  });
});
