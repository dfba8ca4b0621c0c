import { describe, expect, it } from 'vitest';
import { mappingRows } from './mappingRows';

describe('mappingRows', () => {
  it('labels every kind of mapping and flags the doubtful public-source SRs', () => {
    const rows = mappingRows({
      iec62443_3_3: ['SR 1.1', 'SR 5.1'],
      iec62443_3_3Doubtful: ['SR 5.1'],
      projectSr: ['SR 1.2'],
      iec62443_2_4: ['SP.03'],
      related: ['IEC 62443-3-2'],
      nistCsf2: ['GV.PO', 'ID.AM'],
    });
    expect(rows).toEqual([
      {
        label: '62443-3-3 SRs from public sources',
        items: [
          { text: 'SR 1.1', doubtful: false },
          { text: 'SR 5.1', doubtful: true },
        ],
      },
      { label: '62443-3-3 SRs, our reading', items: [{ text: 'SR 1.2', doubtful: false }] },
      { label: 'IEC 62443-2-4 areas', items: [{ text: 'SP.03', doubtful: false }] },
      { label: 'Related', items: [{ text: 'IEC 62443-3-2', doubtful: false }] },
      {
        label: 'NIST CSF 2.0 (our mapping)',
        items: [
          { text: 'GV.PO', doubtful: false },
          { text: 'ID.AM', doubtful: false },
        ],
      },
    ]);
  });

  it('leaves out the mappings a requirement does not have', () => {
    const rows = mappingRows({ iec62443_3_3: [], nistCsf2: ['PR.AA'] });
    expect(rows.map((r) => r.label)).toEqual(['NIST CSF 2.0 (our mapping)']);
  });
});
