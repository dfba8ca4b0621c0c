import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainErrorMessage, WorkbookError } from '../errors';
import { dbWithAssessment } from '../testDb';
import { tooLargeMessage } from './evidence';
import { saveResponse, storedResponse } from './responses';
import { parseOrRefuse } from './validation';

const refusalOf = (schema: z.ZodType, value: unknown) => {
  try {
    parseOrRefuse(schema, value, { what: 'answer' });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('validation messages a person reads', () => {
  it('a narrative over its limit names the field, the limit and what to do, and nothing is written', async () => {
    const { db, assessment } = await dbWithAssessment();
    await saveResponse(db, assessment.id, 'ORG 1.1', { narrative: 'Kept.' });
    await expect(saveResponse(db, assessment.id, 'ORG 1.1', { narrative: 'x'.repeat(100_001) })).rejects.toThrow(
      'The answer was not saved: the narrative is too long (100,000 characters at most). Shorten it, then it is saved.',
    );
    expect((await storedResponse(db, assessment.id, 'ORG 1.1'))?.narrative).toBe('Kept.');
  });

  it('a text or list without a message of its own still gets the limit and the remedy, never the validator’s words', () => {
    expect(refusalOf(z.strictObject({ note: z.string().max(3) }), { note: 'long' })).toBe(
      'The answer was not saved: "note" must be at most 3. Shorten it, then it is saved.',
    );
    expect(refusalOf(z.strictObject({ tags: z.array(z.string()).max(1) }), { tags: ['a', 'b'] })).toBe(
      'The answer was not saved: "tags" must be at most 1. Remove some entries, then it is saved.',
    );
    const oddFormat = refusalOf(z.strictObject({ kind: z.enum(['a', 'b']) }), { kind: 'c' });
    expect(oddFormat).toBe('The answer was not saved: "kind" is not in a form the workbook accepts.');
  });

  it('a number over its limit is not told to be shortened', () => {
    expect(refusalOf(z.strictObject({ level: z.int().max(4) }), { level: 5 })).toBe('The answer was not saved: "level" must be at most 4.');
  });

  it('raw validator text that escapes the repositories is replaced by a plain sentence', () => {
    expect(plainErrorMessage(new Error('Too big: expected string to have <=100000 characters'))).toBe(
      'Your change was not saved. Check what you typed and try again.',
    );
    const zodError = z.string().max(1).safeParse('too long').error;
    expect(plainErrorMessage(zodError)).toBe('Your change was not saved. Check what you typed and try again.');
    expect(plainErrorMessage(new WorkbookError('The site was not saved: a name is required.', 'invalid'))).toBe(
      'The site was not saved: a name is required.',
    );
    expect(plainErrorMessage(new Error('the file went away'))).toBe('Your change was not saved: the file went away');
  });

  it('an evidence file over the size cap is told the limit and where to raise it', () => {
    expect(tooLargeMessage('scan.tif', 30 * 1024 * 1024, 25 * 1024 * 1024)).toBe(
      '"scan.tif" is 30.0 MiB, over the limit of 25.0 MiB for one evidence file. To add it, raise "Largest evidence file" in Settings → Preferences. Nothing was added.',
    );
  });
});
