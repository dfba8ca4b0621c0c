/** New evidence takes the organization's classification as its marking unless the user gives one. */
import { describe, expect, it } from 'vitest';
import { dbWithAssessment, fileOf } from '../testDb';
import { addFiles, addLink, addNote, updateEvidence } from './evidence';
import { saveOrganization } from './people';

describe('the marking new evidence gets', () => {
  it('is the organization’s classification, for files, links and notes alike', async () => {
    const { db } = await dbWithAssessment();
    await saveOrganization(db, { name: 'North Valley', classification: 'TLP:RED' });
    const files = await addFiles(db, [fileOf('rules.csv', 'a,b\n')]);
    const link = await addLink(db, { title: 'Policy', location: 'DOC-17' });
    const note = await addNote(db, { title: 'Walk-down', note: 'Cabinet locked.' });
    expect(files.status === 'added' && files.evidence.map((e) => e.classification)).toEqual(['TLP:RED']);
    expect([link.classification, note.classification]).toEqual(['TLP:RED', 'TLP:RED']);
  });

  it('can be set on the item, and stays when the organization’s changes later', async () => {
    const { db } = await dbWithAssessment();
    await saveOrganization(db, { name: 'North Valley', classification: 'TLP:AMBER' });
    const given = await addLink(db, { title: 'Policy', location: 'DOC-17', classification: 'TLP:GREEN' });
    const other = await addNote(db, { title: 'Walk-down', note: 'Cabinet locked.' });
    await saveOrganization(db, { classification: 'TLP:CLEAR' });
    expect((await db.evidence.get(given.id))?.classification).toBe('TLP:GREEN');
    expect((await db.evidence.get(other.id))?.classification).toBe('TLP:AMBER');
    await expect(updateEvidence(db, other.id, { classification: '\u200B' })).rejects.toThrow(/nothing visible/);
    expect((await db.evidence.get(other.id))?.classification).toBe('TLP:AMBER');
  });

  it('is none while the organization has none', async () => {
    const { db } = await dbWithAssessment();
    expect((await addNote(db, { title: 'Walk-down', note: 'Cabinet locked.' })).classification).toBe('');
  });
});
