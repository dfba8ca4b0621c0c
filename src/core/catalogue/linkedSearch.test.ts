import { describe, expect, it } from 'vitest';
import { createLinkedSearch, describeVia } from './linkedSearch';

const evidence = new Map([
  ['EV-0005', { id: 'EV-0005', title: 'Firewall rule review 2026' }],
  ['EV-0006', { id: 'EV-0006', title: 'Backup restore test' }],
  ['EV-0007', { id: 'EV-0007', title: 'Unlinked drawing' }],
]);
const links = [
  { evidenceId: 'EV-0005', requirementId: 'SP.03.01' },
  { evidenceId: 'EV-0005', requirementId: 'SP.03.02' },
  { evidenceId: 'EV-0006', requirementId: 'SP.12.01' },
];
const actions = [
  { id: 'a1', number: 3, createdAt: '2026-01-01T00:00:00Z', requirementId: 'SP.08.01', description: 'Remove the direct route' },
  { id: 'a2', createdAt: '2026-01-02T00:00:00Z', requirementId: 'SP.09.01', description: 'Train the night shift' },
];
const search = createLinkedSearch({ links, evidence, actions });

describe('searching through linked evidence and actions', () => {
  it('finds every requirement an evidence ID is linked to, with the ID as the reason', () => {
    const found = search('ev-0005');
    expect([...found.keys()].sort()).toEqual(['SP.03.01', 'SP.03.02']);
    expect(found.get('SP.03.01')).toEqual(['EV-0005']);
  });

  it('finds requirements by words of an evidence title, accents and case ignored', () => {
    expect([...search('RESTÓRE backup').keys()]).toEqual(['SP.12.01']);
  });

  it('finds a requirement by an action ACT ID or description', () => {
    expect(search('ACT-0003').get('SP.08.01')).toEqual(['ACT-0003']);
    expect(search('direct route').get('SP.08.01')).toEqual(['ACT-0003']);
  });

  it('searches an unnumbered action by the number it is shown with', () => {
    expect(search('ACT-0004').get('SP.09.01')).toEqual(['ACT-0004']);
  });

  it('finds nothing for evidence linked to no requirement, and nothing for an empty query', () => {
    expect(search('drawing').size).toBe(0);
    expect(search('   ').size).toBe(0);
  });

  it('requires every word to match the same item', () => {
    expect(search('firewall night').size).toBe(0);
  });

  it('collects several reasons for one requirement', () => {
    const both = createLinkedSearch({
      links: [
        { evidenceId: 'EV-0005', requirementId: 'SP.08.01' },
        { evidenceId: 'EV-0006', requirementId: 'SP.08.01' },
      ],
      evidence,
      actions: [],
    });
    expect(both('EV-000').get('SP.08.01')).toEqual(['EV-0005', 'EV-0006']);
  });
});

describe('describing why a requirement was found', () => {
  it('names up to two IDs, then counts the rest', () => {
    expect(describeVia(['EV-0005'])).toBe('via EV-0005');
    expect(describeVia(['EV-0005', 'ACT-0001', 'EV-0009', 'EV-0010'])).toBe('via EV-0005, ACT-0001 and 2 more');
    expect(describeVia([])).toBe('');
  });
});
