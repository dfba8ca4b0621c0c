import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './load';
import { manifest, manifestText, requirementText, speText, validSpe } from '../../../test/fixtures/testCatalogue';

const net = (text: string) => ({ name: 'net.yaml', text });
const errorsOf = (outcome: ReturnType<typeof loadCatalogue>) => (outcome.ok ? [] : outcome.errors);

describe('loadCatalogue', () => {
  it('loads a valid catalogue with each requirement tied to its element and SPE', () => {
    const outcome = loadCatalogue(manifest, [validSpe]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const requirement = outcome.catalogue.spes[0]!.elements[0]!.requirements[1]!;
    expect(requirement).toMatchObject({ id: 'NET 1.2', elementId: 'NET 1', speId: 'NET', titleDoubtful: false });
    expect(outcome.catalogue).toMatchObject({ id: 'test-catalogue', version: '1.0.0' });
  });

  it('names the place when a list is too short', () => {
    const text = speText(requirementText('NET 1.1').replace(/questions: \[.*\]/, 'questions: ["Only one?"]'));
    expect(errorsOf(loadCatalogue(manifest, [net(text)]))).toEqual(['net.yaml: NET 1.1: questions must have at least 3 entries']);
  });

  it('rejects a missing field', () => {
    const text = speText(requirementText('NET 1.1').replace(/ {10}intent: .*\n/, ''));
    expect(errorsOf(loadCatalogue(manifest, [net(text)]))).toEqual(['net.yaml: NET 1.1: intent is missing']);
  });

  it('rejects an unknown field', () => {
    const text = speText(requirementText('NET 1.1', '          sevrity: high\n'));
    expect(errorsOf(loadCatalogue(manifest, [net(text)]))).toEqual(['net.yaml: NET 1.1: has unknown field "sevrity"']);
  });

  it('rejects a wrong type', () => {
    const text = speText(requirementText('NET 1.1').replace('questions: [', 'questions: "not a list" #['));
    expect(errorsOf(loadCatalogue(manifest, [net(text)]))).toEqual(['net.yaml: NET 1.1: questions must be a list']);
  });

  it('rejects a status outside the known set', () => {
    const text = speText(requirementText('NET 1.1').replace('status: confirmed', 'status: maybe'));
    expect(errorsOf(loadCatalogue(manifest, [net(text)]))[0]).toMatch(/^net\.yaml: NET 1\.1: status must be one of "confirmed"/);
  });

  it('rejects a duplicate requirement ID', () => {
    const text = speText(requirementText('NET 1.1') + requirementText('NET 1.1'));
    expect(errorsOf(loadCatalogue(manifest, [net(text)]))).toEqual([
      'test-catalogue: NET 1.1: duplicate ID (requirement, already used by a requirement)',
    ]);
  });

  it('rejects a requirement filed under an element it does not belong to', () => {
    const text = speText(requirementText('NET 1.1') + requirementText('NET 2.1'));
    expect(errorsOf(loadCatalogue(manifest, [net(text)]))).toEqual([
      'net.yaml: NET 2.1: requirement is filed under element NET 1, which its ID does not belong to',
    ]);
  });

  it('rejects an element filed under the wrong SPE', () => {
    const text = speText(requirementText('ORG 1.1'), 'ORG 1');
    expect(errorsOf(loadCatalogue(manifest, [net(text)]))).toEqual([
      'net.yaml: ORG 1: element is filed under NET, which its ID does not belong to',
    ]);
  });

  it('refuses a file written in a newer format, saying to update the app', () => {
    const text = speText(requirementText('NET 1.1'), 'NET 1', 2);
    expect(errorsOf(loadCatalogue(manifest, [net(text)]))).toEqual([
      'net.yaml: format 2 is newer than this app reads (1): update CSMS Workbook to open it',
    ]);
  });

  it('reports broken YAML with its line', () => {
    const outcome = loadCatalogue(manifest, [net('format: 1\nspe: [unclosed\n')]);
    expect(errorsOf(outcome)[0]).toMatch(/^net\.yaml line \d+: /);
  });

  it('reports a file the manifest lists but that is missing', () => {
    expect(errorsOf(loadCatalogue(manifest, []))).toEqual(['catalogue.yaml: files lists net.yaml, which is missing']);
  });

  it('validates the manifest too', () => {
    const bad = { name: 'catalogue.yaml', text: manifestText.replace('version: 1.0.0', 'version: one') };
    expect(errorsOf(loadCatalogue(bad, [validSpe]))).toEqual(['catalogue.yaml: version must be a version like 1.0.0']);
  });

  it('rejects a CSF category that does not exist', () => {
    const text = speText(requirementText('NET 1.1').replace('nistCsf2: [PR.IR]', 'nistCsf2: [PR.XX]'));
    expect(errorsOf(loadCatalogue(manifest, [net(text)]))[0]).toMatch(/^net\.yaml: NET 1\.1: mappings\.nistCsf2\[0\] must be one of/);
  });

  it('lists every problem, not only the first', () => {
    const text = speText(
      requirementText('NET 1.1').replace('status: confirmed', 'status: 3') + requirementText('NET 1.2', '          extra: 1\n'),
    );
    expect(errorsOf(loadCatalogue(manifest, [net(text)]))).toHaveLength(2);
  });
});
