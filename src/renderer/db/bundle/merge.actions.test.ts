/** An assessment added from another workbook's bundle: its actions get ACT IDs afresh from this workbook's numbers. */
import { describe, expect, it } from 'vitest';
import { memorySink } from '../../../core/bundle/testKit';
import { actionRef } from '../../../core/findings/actionRef';
import { packWorkbook, unpackBundle } from '../../bundle/bundleIo';
import { checkIntegrity, integrityIntact } from '../integrity';
import { addAction } from '../repo/actions';
import { dbWithAssessment } from '../testDb';
import { mergeBundle } from './merge';
import { workbookForBundle } from './readForBundle';

describe('adding an assessment from a bundle', () => {
  it('numbers its actions after this workbook’s own, never reusing one, and the workbook checks intact', async () => {
    const { db: source, assessment } = await dbWithAssessment();
    await addAction(source, assessment.id, 'NET 3.2', { description: 'Theirs, first' });
    await addAction(source, assessment.id, 'ORG 1.1', { description: 'Theirs, second' });
    const sink = memorySink();
    await packWorkbook(
      await workbookForBundle(source),
      { kind: 'assessment', assessmentId: assessment.id },
      { name: 'CSMS Workbook', version: 'test' },
      sink,
    );
    const { bundle, files } = await unpackBundle(new Blob([sink.bytes() as BlobPart]));

    const { db: target, assessment: own } = await dbWithAssessment();
    const mine = await addAction(target, own.id, 'NET 3.2', { description: 'Ours' });
    await mergeBundle(target, bundle, files, {});
    const merged = (await target.actions.toArray()).filter((a) => a.assessmentId !== own.id);
    expect(actionRef(mine)).toBe('ACT-0001');
    expect(merged.map((a) => [a.description, actionRef(a)]).sort()).toEqual([
      ['Theirs, first', 'ACT-0002'],
      ['Theirs, second', 'ACT-0003'],
    ]);
    expect(actionRef(await addAction(target, own.id, 'NET 3.2', { description: 'Ours again' }))).toBe('ACT-0004');
    expect(integrityIntact(await checkIntegrity(target))).toBe(true);
  });
});
