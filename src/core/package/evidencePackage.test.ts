import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { safeFileName } from '../format/fileName';
import { verifyLogText } from '../audit/logFiles';
import { creationLog } from '../bundle/newLog';
import { sampleBundle } from '../sample/sampleBundle';
import { changeLogPackageFiles, evidencePath, sha256Manifest } from './evidencePackage';
import { scriptFromReadme } from './packageReadme';

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

describe('the change log in the evidence package', () => {
  const now = new Date('2026-03-01T09:00:00.000Z');
  const { input } = sampleBundle(catalogue2024(), now, { name: 'CSMS Workbook', version: '0.1.0' });
  const other = { ...input.records.assessments[0]!, id: 'other-assessment', name: 'Other site review' };
  const records = { ...input.records, assessments: [...input.records.assessments, other] };
  const log = creationLog(records, now.toISOString(), 'Dana Whitfield');
  const files = changeLogPackageFiles({
    records,
    log,
    assessmentId: input.records.assessments[0]!.id,
    generatedAt: now.toISOString(),
    documents: ['report.docx'],
    evidenceFiles: 3,
  });
  const text = (name: string) => files.find((f) => f.path === name)!.text;

  it('keeps every entry in place but withholds the content of those about other assessments', () => {
    expect(files.map((f) => f.path)).toEqual(['changelog.csv', 'changelog.jsonl', 'check_changelog.py', 'README.txt']);
    expect(verifyLogText(text('changelog.jsonl'), { allowWithheld: true })).toMatchObject({
      ok: true,
      count: log.length,
      withheld: 1,
      head: log.at(-1)!.hash,
    });
    expect(text('changelog.jsonl')).not.toContain('Other site review');
    expect(text('changelog.csv')).not.toContain('Other site review');
    // Header plus one row per entry shown.
    expect(
      text('changelog.csv')
        .trimEnd()
        .split('\r\n')
        .filter((l) => /^\d+,/.test(l)),
    ).toHaveLength(log.length - 1);
  });

  it('says in the README how the chain is computed, with the head and the script', () => {
    const readme = text('README.txt');
    expect(readme).toContain('Checking the change log without the app');
    expect(readme).toContain(log.at(-1)!.hash);
    expect(readme).toContain('64 zeros');
    expect(scriptFromReadme(readme)).toBe(text('check_changelog.py'));
  });
});
