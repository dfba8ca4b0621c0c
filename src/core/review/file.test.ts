import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../audit/canonicalJson';
import { sha256Hex } from '../hashing/sha256';
import { readReviewFile, reviewFileText, ReviewFileError } from './file';
import type { Review } from './schema';

const app = { name: 'CSMS Workbook', version: 'test' };
const at = '2026-11-30T10:00:00.000Z';

const review: Review = {
  id: 'review-1',
  assessmentId: 'assessment-1',
  assessmentName: 'Riverside 2026 — 自评',
  reviewer: { name: 'Ines Prüfer', organization: 'Audit & Co' },
  basedOn: { count: 42, head: 'a'.repeat(64) },
  verdicts: [
    { requirementId: 'ORG 1.1', verdict: 'accepted', comment: 'Policy seen, signed 2026-03.', at },
    { requirementId: 'NET 1.1', verdict: 'more-evidence', comment: 'Firewall rules export is a year old.', at },
  ],
  evidenceChecks: [{ evidenceId: 'EV-0001', sha256: 'b'.repeat(64), result: 'verified', note: 'Re-hashed on site', at }],
  origin: 'own',
  createdAt: at,
  updatedAt: at,
};

const bytes = (text: string) => new TextEncoder().encode(text);
const refusal = (input: Uint8Array) => {
  try {
    readReviewFile(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ReviewFileError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
};

/** A file whose body was changed and whose hash was then recomputed, as a forger would. */
function resealed(mutate: (body: Record<string, unknown>) => void): Uint8Array {
  const parsed = JSON.parse(reviewFileText(review, app, at)) as Record<string, unknown>;
  delete parsed.sha256;
  mutate(parsed);
  return bytes(JSON.stringify({ ...parsed, sha256: sha256Hex(canonicalJson(parsed)) }));
}

describe('the review file', () => {
  it('reads back what was written: the verdicts, the checks, the head the reviewer saw, and the file’s own hash', () => {
    const text = reviewFileText(review, app, at);
    const read = readReviewFile(bytes(text));
    const { origin: _o, createdAt: _c, updatedAt: _u, ...fields } = review;
    expect(read).toEqual({ ...fields, createdAt: at, fileSha256: JSON.parse(text).sha256 });
  });

  it('is refused when any character of its content was changed after saving', () => {
    const text = reviewFileText(review, app, at);
    expect(refusal(bytes(text.replace('more-evidence', 'accepted')))).toMatch(/changed after the reviewer saved it/);
    expect(refusal(bytes(text.replace('a year old', 'a day old')))).toMatch(/changed after the reviewer saved it/);
    expect(refusal(bytes(text.replace('"count": 42', '"count": 43')))).toMatch(/changed after the reviewer saved it/);
  });

  it('is refused, with its own reason, when it is not a review file at all or is hostile', () => {
    expect(refusal(new Uint8Array(33 * 1024 * 1024))).toMatch(/far larger than any review file/);
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x00]))).toMatch(/not text/);
    expect(refusal(bytes('{"format":'))).toMatch(/not valid JSON/);
    expect(refusal(bytes(`${'['.repeat(50)}${']'.repeat(50)}`))).toMatch(/nested more than 8 levels/);
    expect(refusal(bytes('{"__proto__":{"polluted":true},"format":"csms-workbook-review"}'))).toMatch(/"__proto__" is not allowed/);
    expect(refusal(bytes('{"format":"something-else"}'))).toMatch(/not a CSMS Workbook review file/);
    expect(refusal(resealed((b) => (b.version = 7)))).toMatch(/newer version of CSMS Workbook \(review format 7/);
    expect(refusal(resealed((b) => (b.extra = 1)))).toMatch(/not a valid review file: Unrecognized key: "extra"/);
    expect(refusal(resealed((b) => ((b.review as Review).verdicts[0]!.verdict = 'maybe' as never)))).toMatch(
      /a verdict is accepted, more evidence needed or not accepted/,
    );
    expect(refusal(resealed((b) => (b.review as Review).verdicts.push({ ...(b.review as Review).verdicts[0]! })))).toMatch(
      /the verdict on ORG 1.1 appears twice/,
    );
    expect(refusal(resealed((b) => ((b.review as Review).reviewer.name = '   ')))).toMatch(/say who reviews/);
  });

  it('holds no score or figure, only the reviewer’s records', () => {
    const text = reviewFileText(review, app, at);
    expect(text).not.toMatch(/"(score|mean|attained|achievedLevel|coverage)"/);
    expect(Object.keys(JSON.parse(text).review).sort()).toEqual(
      ['assessmentId', 'assessmentName', 'basedOn', 'evidenceChecks', 'id', 'reviewer', 'verdicts'].sort(),
    );
  });
});
