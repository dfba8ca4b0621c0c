/** The informative mappings of a requirement as labelled rows, in the order the guidance panel shows them. */
import type { Mappings } from '../../core/catalogue/types';

export interface MappingItem {
  text: string;
  /** A public-source SR that looks doubtful on reading. */
  doubtful: boolean;
}

export interface MappingRow {
  label: string;
  items: MappingItem[];
}

const plain = (list: readonly string[] | undefined): MappingItem[] => (list ?? []).map((text) => ({ text, doubtful: false }));

/** Only the rows the catalogue fills in; an empty list is left out rather than shown as "none". */
export function mappingRows(m: Mappings): MappingRow[] {
  const doubtful = new Set(m.iec62443_3_3Doubtful ?? []);
  const rows: MappingRow[] = [
    { label: '62443-3-3 SRs from public sources', items: m.iec62443_3_3.map((text) => ({ text, doubtful: doubtful.has(text) })) },
    { label: '62443-3-3 SRs, our reading', items: plain(m.projectSr) },
    { label: 'IEC 62443-2-4 areas', items: plain(m.iec62443_2_4) },
    { label: 'Related', items: plain(m.related) },
    { label: 'NIST CSF 2.0 (our mapping)', items: plain(m.nistCsf2) },
  ];
  return rows.filter((r) => r.items.length > 0);
}
