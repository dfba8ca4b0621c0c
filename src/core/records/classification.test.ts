import { describe, expect, it } from 'vitest';
import { classification } from './fields';
import { evidencePatch, newEvidence } from './inputs';
import { organizationSchema } from './schema';

describe('the classification field', () => {
  it('refuses a marking with nothing visible in it, with a plain reason', () => {
    for (const blank of ['\u200B', '   ', '\u202E', '\uFEFF\u200D']) {
      const result = classification.safeParse(blank);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/nothing visible/);
    }
  });

  it('stores a marking as a reader sees it, without the override that would show TLP:DER as TLP:RED', () => {
    expect(organizationSchema.parse({ id: 'organization', name: 'North Valley', classification: 'TLP:\u202EDER' }).classification).toBe(
      'TLP:DER',
    );
    expect(evidencePatch.parse({ classification: ' TLP:\u200BRED ' })).toStrictEqual({ classification: 'TLP:RED' });
  });

  it('still allows no marking at all, and a new evidence item starts without one unless given', () => {
    expect(classification.parse('')).toBe('');
    expect(newEvidence.parse({ title: 'Walk-down' }).classification).toBe('');
    expect(newEvidence.safeParse({ title: 'Walk-down', classification: '\u200B' }).success).toBe(false);
  });
});
