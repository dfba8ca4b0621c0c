import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hashing/sha256';
import { fileOf, dbWithAssessment } from '../testDb';
import {
  addFiles,
  addLink,
  addNote,
  deleteEvidence,
  evidenceBlob,
  linkEvidence,
  linksOf,
  restoreEvidence,
  unlinkEvidence,
  updateEvidence,
} from './evidence';
import { saveSetting } from './settings';

const ref = (assessmentId: string, requirementId = 'NET 1.1') => ({ assessmentId, requirementId });

describe('evidence files', () => {
  it('stores a file with its hash, size and type, numbered EV-0001, linked to the response', async () => {
    const { db, assessment } = await dbWithAssessment();
    const outcome = await addFiles(db, [fileOf('firewall-rules.csv', 'rule,from,to\n1,L3,DMZ\n', 'text/csv')], {
      link: ref(assessment.id),
    });
    expect(outcome.status).toBe('added');
    const [record] = outcome.status === 'added' ? outcome.evidence : [];
    expect(record).toMatchObject({
      id: 'EV-0001',
      kind: 'file',
      fileName: 'firewall-rules.csv',
      mediaType: 'text/csv',
      size: 'rule,from,to\n1,L3,DMZ\n'.length,
      sha256: sha256Hex('rule,from,to\n1,L3,DMZ\n'),
    });
    expect(await linksOf(db, 'EV-0001')).toMatchObject([{ assessmentId: assessment.id, requirementId: 'NET 1.1' }]);
    expect(await (await evidenceBlob(db, record!.sha256!))!.text()).toBe('rule,from,to\n1,L3,DMZ\n');
  });

  it('writes a batch in one go and reports progress over all its bytes', async () => {
    const { db } = await dbWithAssessment();
    const progress: number[] = [];
    const outcome = await addFiles(db, [fileOf('a.txt', 'aaaa'), fileOf('b.txt', 'bb')], {
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(outcome.status === 'added' && outcome.evidence.map((e) => e.id)).toEqual(['EV-0001', 'EV-0002']);
    expect(progress.at(-1)).toBe(1);
  });

  it('finds a duplicate by hash and writes nothing until told what to do', async () => {
    const { db, assessment } = await dbWithAssessment();
    await addFiles(db, [fileOf('policy.pdf', 'same bytes')]);
    const asked = await addFiles(db, [fileOf('policy-copy.pdf', 'same bytes')], { link: ref(assessment.id, 'ORG 1.1') });
    expect(asked).toMatchObject({ status: 'duplicates', duplicates: [{ file: 'policy-copy.pdf', existing: { id: 'EV-0001' } }] });
    expect(await db.evidence.count()).toBe(1);

    const linked = await addFiles(db, [fileOf('policy-copy.pdf', 'same bytes')], {
      link: ref(assessment.id, 'ORG 1.1'),
      duplicates: 'link-existing',
    });
    expect(linked.status === 'added' && linked.evidence[0]!.id).toBe('EV-0001');
    expect(await linksOf(db, 'EV-0001')).toHaveLength(1);

    const again = await addFiles(db, [fileOf('policy-v2.pdf', 'same bytes')], { duplicates: 'add-anyway' });
    expect(again.status === 'added' && again.evidence[0]!.id).toBe('EV-0002');
    expect(await db.blobs.count()).toBe(1);
  });

  it('refuses a file over the size cap with a clear message, writing nothing', async () => {
    const { db } = await dbWithAssessment();
    await saveSetting(db, 'evidenceSizeCap', 1024 * 1024);
    await expect(addFiles(db, [fileOf('small.txt', 'x'), fileOf('scan.tif', new Uint8Array(1024 * 1024 + 1))])).rejects.toThrow(
      '"scan.tif" is 1.0 MiB, over the limit of 1.0 MiB for one evidence file. To add it, raise "Largest evidence file" in Settings → Preferences. Nothing was added.',
    );
    expect(await db.evidence.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
  });

  it('never reuses an EV number, even after deletion', async () => {
    const { db } = await dbWithAssessment();
    await addFiles(db, [fileOf('a.txt', 'a'), fileOf('b.txt', 'b')]);
    await deleteEvidence(db, 'EV-0002');
    const outcome = await addFiles(db, [fileOf('c.txt', 'c')]);
    expect(outcome.status === 'added' && outcome.evidence[0]!.id).toBe('EV-0003');
  });
});

describe('links and notes', () => {
  it('adds a link and a note with their own numbers and validates them', async () => {
    const { db, assessment } = await dbWithAssessment();
    const link = await addLink(db, { title: 'Zone model', location: 'DMS-OT-0042 rev 3', expiresOn: '2027-01-31' }, ref(assessment.id));
    const note = await addNote(db, { title: 'Walk-down', note: 'Saw the cabinet locked.' });
    expect([link.id, link.kind, note.id, note.kind]).toEqual(['EV-0001', 'link', 'EV-0002', 'note']);
    await expect(addLink(db, { title: 'x', location: ' ' })).rejects.toThrow('The link was not saved: say where the document is held.');
    await expect(addNote(db, { title: 'x', note: 'y', expiresOn: '31/01/2027' })).rejects.toThrow('dates must be written YYYY-MM-DD');
  });

  it('links one evidence to many responses, and unlinks', async () => {
    const { db, assessment } = await dbWithAssessment();
    const note = await addNote(db, { title: 'Walk-down', note: 'Observed.' });
    await linkEvidence(db, note.id, ref(assessment.id, 'NET 1.1'));
    await linkEvidence(db, note.id, ref(assessment.id, 'ORG 3.1'));
    await linkEvidence(db, note.id, ref(assessment.id, 'ORG 3.1'));
    expect((await linksOf(db, note.id)).map((l) => l.requirementId).sort()).toEqual(['NET 1.1', 'ORG 3.1']);
    await unlinkEvidence(db, note.id, ref(assessment.id, 'NET 1.1'));
    expect((await linksOf(db, note.id)).map((l) => l.requirementId)).toEqual(['ORG 3.1']);
  });

  it('refuses to delete linked evidence unless told to unlink it everywhere, and keeps shared bytes', async () => {
    const { db, assessment } = await dbWithAssessment();
    await addFiles(db, [fileOf('p.pdf', 'shared')], { link: ref(assessment.id) });
    await addFiles(db, [fileOf('p2.pdf', 'shared')], { duplicates: 'add-anyway' });
    await expect(deleteEvidence(db, 'EV-0001')).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('linked to 1 requirement'),
    });
    await deleteEvidence(db, 'EV-0001', { unlinkEverywhere: true });
    expect(await db.links.count()).toBe(0);
    expect(await db.blobs.count()).toBe(1);
    await deleteEvidence(db, 'EV-0002');
    expect(await db.blobs.count()).toBe(0);
  });

  it('edits metadata and logs before and after', async () => {
    const { db } = await dbWithAssessment();
    await addNote(db, { title: 'Old', note: 'n' });
    await updateEvidence(db, 'EV-0001', { title: 'Patch status review', owner: 'Dana', expiresOn: '2027-03-01' });
    expect(await db.evidence.get('EV-0001')).toMatchObject({ title: 'Patch status review', owner: 'Dana', expiresOn: '2027-03-01' });
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({
      entity: 'evidence',
      id: 'EV-0001',
      change: { op: 'update', before: { title: 'Old' }, after: { title: 'Patch status review' } },
    });
  });
});

describe('undoing a deletion', () => {
  it('puts the record, its links and its bytes back under the same ID', async () => {
    const { db, assessment } = await dbWithAssessment();
    await addFiles(db, [fileOf('zones.png', 'png bytes', 'image/png')], { link: ref(assessment.id, 'NET 1.2') });
    const deleted = await deleteEvidence(db, 'EV-0001', { unlinkEverywhere: true });
    expect(await db.blobs.count()).toBe(0);
    await restoreEvidence(db, deleted!);
    expect(await db.evidence.get('EV-0001')).toMatchObject({ title: 'zones.png' });
    expect(await linksOf(db, 'EV-0001')).toMatchObject([{ requirementId: 'NET 1.2' }]);
    expect(await (await evidenceBlob(db, deleted!.record.sha256!))!.text()).toBe('png bytes');
  });
});
