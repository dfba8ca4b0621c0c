import { describe, expect, it } from 'vitest';
import { crosswalkCoverage, loadCrosswalk, newIn2024, sourcesOf, targetsOf } from './crosswalk';
import { loadCatalogue } from './load';
import { indexCatalogue } from './lookup';
import { manifest, manifestText, validSpe } from '../../../test/fixtures/testCatalogue';

const load = (text: string) => {
  const outcome = loadCatalogue({ name: 'catalogue.yaml', text }, [validSpe]);
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  return indexCatalogue(outcome.catalogue);
};
const from = indexCatalogue((loadCatalogue(manifest, [validSpe]) as { ok: true; catalogue: never }).catalogue);
const to = load(manifestText.replace('id: test-catalogue', 'id: newer-catalogue'));

const crosswalk = (entries: string) => ({
  name: 'crosswalk.yaml',
  text: `format: 1\nid: cw\nversion: 1.0.0\nfrom: test-catalogue\nto: newer-catalogue\nnotice: Informative.\nentries:\n${entries}`,
});

describe('loadCrosswalk', () => {
  it('loads entries whose sources and targets exist', () => {
    const outcome = loadCrosswalk(crosswalk('  - { from: NET 1.1, to: [NET 1.1, NET 1.2], note: Same topic. }\n'), from, to);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(targetsOf(outcome.crosswalk, 'NET 1.1')).toEqual(['NET 1.1', 'NET 1.2']);
  });

  it('names each missing source or target', () => {
    const outcome = loadCrosswalk(
      crosswalk('  - { from: NET 7.7, to: [NET 1.1], note: x }\n  - { from: NET 1.1, to: [NET 1.9], note: y }\n'),
      from,
      to,
    );
    expect(outcome).toEqual({
      ok: false,
      errors: ['crosswalk.yaml: NET 7.7: not in test-catalogue', 'crosswalk.yaml: NET 1.1: target NET 1.9 is not in newer-catalogue'],
    });
  });

  it('refuses a crosswalk between other catalogues', () => {
    const outcome = loadCrosswalk(crosswalk('  - { from: NET 1.1, to: [NET 1.1], note: x }\n'), to, from);
    expect(outcome.ok ? [] : outcome.errors).toContain('crosswalk.yaml: from names test-catalogue, expected newer-catalogue');
  });
});

describe('crosswalk coverage', () => {
  const loaded = (entries: string) => {
    const outcome = loadCrosswalk(crosswalk(entries), from, to);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    return outcome.crosswalk;
  };

  it('calls a newer requirement new when no older element maps to it', () => {
    const cw = loaded('  - { from: NET 1.1, to: [NET 1.1], note: Same topic. }\n  - { from: NET 1.2, to: [NET 1.1], note: Folded in. }\n');
    expect(newIn2024(cw, to.catalogue)).toEqual(['NET 1.2']);
    expect(sourcesOf(cw, 'NET 1.1')).toEqual(['NET 1.1', 'NET 1.2']);
    expect(sourcesOf(cw, 'NET 1.2')).toEqual([]);
  });

  it('finds nothing new when every newer requirement is a target', () => {
    const cw = loaded('  - { from: NET 1.1, to: [NET 1.1, NET 1.2], note: Split in two. }\n');
    expect(newIn2024(cw, to.catalogue)).toEqual([]);
  });

  it('tells an older element left out from one listed with no counterpart and its reason', () => {
    const cw = loaded('  - { from: NET 1.1, to: [], note: Dropped from the newer edition. }\n');
    expect(crosswalkCoverage(cw, from.catalogue, to.catalogue)).toEqual({
      unlisted: ['NET 1.2'],
      noCounterpart: [{ from: 'NET 1.1', reason: 'Dropped from the newer edition.' }],
      newRequirements: ['NET 1.1', 'NET 1.2'],
    });
  });

  it('refuses an entry without a reason', () => {
    const outcome = loadCrosswalk(crosswalk('  - { from: NET 1.1, to: [], note: " " }\n'), from, to);
    expect(outcome.ok).toBe(false);
  });
});
