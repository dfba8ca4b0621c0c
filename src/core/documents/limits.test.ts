import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import { buildDocument } from './build';
import { checkDocumentLimits, DOCUMENT_LIMITS, DocumentLimitError, documentLimitProblem } from './limits';

const { snapshot } = sampleSnapshot(catalogue2024(), new Date('2026-06-15T09:00:00Z'));
const SMALL = { evidence: 10, links: 1_000, actions: 1_000, textChars: 10_000_000 };

describe('the bound on a document set', () => {
  it('refuses a workbook past a bound with one sentence naming the count and the bound', () => {
    expect(snapshot.evidence.length).toBeGreaterThan(SMALL.evidence);
    const problem = documentLimitProblem(snapshot, SMALL);
    expect(problem).toBe(
      `The documents were not built: this assessment has ${snapshot.evidence.length} evidence items and a document set holds at most 10.`,
    );
    expect(problem!.split(/[.!?](\s|$)/).filter((s) => s.trim()).length).toBe(1);
    expect(() => checkDocumentLimits(snapshot, SMALL)).toThrow(DocumentLimitError);
  });

  it('counts the text the documents print', () => {
    expect(documentLimitProblem(snapshot, { ...DOCUMENT_LIMITS, textChars: 100 })).toMatch(
      /^The documents were not built: this assessment has [\d,]+ characters of text in answers, evidence and actions and a document set holds at most 100\.$/,
    );
  });

  it('lets the sample through, and builds it', () => {
    expect(documentLimitProblem(snapshot)).toBeNull();
    expect(() => buildDocument(snapshot, 'register')).not.toThrow();
  });

  it('stops every document before it is built', () => {
    const many = { ...snapshot, links: Array.from({ length: DOCUMENT_LIMITS.links + 1 }, () => snapshot.links[0]!) };
    expect(() => buildDocument(many, 'soa')).toThrow(/has 200,001 evidence links and a document set holds at most 200,000\.$/);
  });
});
