import { describe, expect, it } from 'vitest';
import type { Evidence, EvidenceLink } from '../records/model';
import { addDays, expiryOf, libraryRows, type LibraryQuery } from './evidenceLibrary';

const ev = (number: number, fields: Partial<Evidence> = {}): Evidence =>
  ({
    id: `EV-000${number}`,
    number,
    title: `Record ${number}`,
    kind: 'file',
    owner: '',
    classification: '',
    createdAt: '',
    updatedAt: '',
    ...fields,
  }) as Evidence;
const link = (evidenceId: string): EvidenceLink => ({ evidenceId, assessmentId: 'a', requirementId: 'NET 1.1', createdAt: '' });

const evidence = [
  ev(1, { title: 'Firewall rules', expiresOn: '2026-05-01', size: 10 }),
  ev(2, { title: 'Zone diagram', expiresOn: '2026-06-20', size: 30 }),
  ev(3, { title: 'Walk-down note', kind: 'note' }),
  ev(4, { title: 'Asset inventory', expiresOn: '2026-09-01', kind: 'link', location: 'DMS OT-0042', size: 20 }),
];
const links = [link('EV-0001'), link('EV-0001'), link('EV-0002')];
const base: LibraryQuery = { today: '2026-06-01', kind: 'all', filter: 'all', text: '', sort: 'id', descending: false };
const ids = (q: Partial<LibraryQuery>) => libraryRows(evidence, links, { ...base, ...q }).map((r) => r.evidence.id);

describe('evidence library rows', () => {
  it('count links and tell expired, expiring within 30 days and valid apart', () => {
    const rows = libraryRows(evidence, links, base);
    expect(rows.map((r) => [r.links, r.expiry])).toEqual([
      [2, 'expired'],
      [1, 'expiring'],
      [0, 'none'],
      [0, 'valid'],
    ]);
    expect(expiryOf(ev(9, { expiresOn: '2026-07-01' }), '2026-06-01')).toBe('expiring');
    expect(expiryOf(ev(9, { expiresOn: '2026-07-02' }), '2026-06-01')).toBe('valid');
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
  });

  it('filter by kind, expiry, links and text', () => {
    expect(ids({ kind: 'note' })).toEqual(['EV-0003']);
    expect(ids({ filter: 'expired' })).toEqual(['EV-0001']);
    expect(ids({ filter: 'expiring' })).toEqual(['EV-0002']);
    expect(ids({ filter: 'unlinked' })).toEqual(['EV-0003', 'EV-0004']);
    expect(ids({ text: 'dms inventory' })).toEqual(['EV-0004']);
  });

  it('sort by any column, both ways', () => {
    expect(ids({ sort: 'title' })).toEqual(['EV-0004', 'EV-0001', 'EV-0003', 'EV-0002']);
    expect(ids({ sort: 'size', descending: true })).toEqual(['EV-0002', 'EV-0004', 'EV-0001', 'EV-0003']);
    expect(ids({ sort: 'links', descending: true })[0]).toBe('EV-0001');
    expect(ids({ sort: 'expiresOn' })).toEqual(['EV-0001', 'EV-0002', 'EV-0004', 'EV-0003']);
  });
});
