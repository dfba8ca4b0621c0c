import { describe, expect, it } from 'vitest';
import { createSearch } from './search';
import type { Requirement } from './types';

const requirement = (id: string, title: string, intent: string, questions: string[] = []): Requirement => ({
  id,
  title,
  intent,
  questions,
  evidence: [],
  status: 'confirmed',
  titleDoubtful: false,
  mappings: { iec62443_3_3: [], nistCsf2: [] },
  elementId: id.replace(/\.\d+$/, ''),
  speId: id.split(' ')[0]!,
});

const search = createSearch([
  requirement('NET 1.1', 'Segmentation from non-IACS zones', 'Firewalls keep the corporate network away from PLCs.'),
  requirement('NET 1.10', 'Made-up title', 'Mentions segmentation only in passing.'),
  requirement('USER 1.9', 'Multifactor authentication (MFA)', 'Remote users prove who they are twice.', [
    'Is MFA enforced for vendors on the jump host?',
  ]),
  requirement('AVAIL 2.1', 'Backup', 'Copies of PLC programs and HMI projects are kept offline.'),
]);
const ids = (query: string) => search(query).map((h) => h.requirement.id);

describe('requirement search', () => {
  it('finds by exact ID first, then by ID prefix', () => {
    expect(ids('NET 1.1')).toEqual(['NET 1.1', 'NET 1.10']);
    expect(ids('net 1.1')[0]).toBe('NET 1.1');
  });

  it('finds words in title, intent and questions, all words required', () => {
    expect(ids('jump host')).toEqual(['USER 1.9']);
    expect(ids('plc')).toEqual(['NET 1.1', 'AVAIL 2.1']);
    expect(ids('plc offline')).toEqual(['AVAIL 2.1']);
    expect(ids('plc ransomware')).toEqual([]);
  });

  it('ranks a title hit above an intent hit', () => {
    expect(ids('segmentation')).toEqual(['NET 1.1', 'NET 1.10']);
    expect(ids('backup')[0]).toBe('AVAIL 2.1');
  });

  it('ignores case and accents, and returns nothing for an empty query', () => {
    expect(ids('MULTIFACTOR')).toEqual(['USER 1.9']);
    expect(ids('sëgmentation')).toEqual(['NET 1.1', 'NET 1.10']);
    expect(ids('   ')).toEqual([]);
  });
});
