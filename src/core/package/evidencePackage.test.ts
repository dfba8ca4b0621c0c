import { describe, expect, it } from 'vitest';
import { safeFileName } from '../format/fileName';
import { evidencePath, sha256Manifest } from './evidencePackage';

describe('evidence package layout', () => {
  it('names evidence files by ID and a safe version of their name', () => {
    expect(evidencePath({ id: 'EV-0007', fileName: 'Firewall rules: L3/DMZ.csv', title: 'x' })).toBe(
      'evidence/EV-0007_Firewall rules_ L3_DMZ.csv',
    );
    expect(evidencePath({ id: 'EV-0008', title: '../../etc/passwd' })).toBe('evidence/EV-0008__.._etc_passwd');
    expect(safeFileName('\u0000\u0001')).toBe('__');
    expect(safeFileName('...')).toBe('file');
  });

  it('writes the sha256sum manifest format', () => {
    expect(sha256Manifest([{ path: 'evidence/EV-0001_a.pdf', sha256: 'ab'.repeat(32), size: 1 }])).toBe(
      `${'ab'.repeat(32)}  evidence/EV-0001_a.pdf\n`,
    );
  });
});
