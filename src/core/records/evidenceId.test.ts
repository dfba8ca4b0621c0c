import { describe, expect, it } from 'vitest';
import { formatEvidenceId, parseEvidenceId } from './evidenceId';

describe('evidence IDs', () => {
  it('are EV- and at least four digits', () => {
    expect(formatEvidenceId(1)).toBe('EV-0001');
    expect(formatEvidenceId(42)).toBe('EV-0042');
    expect(formatEvidenceId(12345)).toBe('EV-12345');
  });

  it('read back to their number, and refuse anything else', () => {
    expect(parseEvidenceId('EV-0042')).toBe(42);
    expect(parseEvidenceId('EV-12345')).toBe(12345);
    expect(parseEvidenceId('EV-42')).toBeNull();
    expect(parseEvidenceId('ev-0042')).toBeNull();
    expect(() => formatEvidenceId(0)).toThrow(RangeError);
  });
});
