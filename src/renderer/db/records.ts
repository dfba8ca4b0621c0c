/** Records that exist only in the browser database (they hold Blobs or are bookkeeping). */

export interface BlobRecord {
  /** The SHA-256 of the bytes, which is also the key: the same bytes are stored once. */
  sha256: string;
  blob: Blob;
  size: number;
}

export interface MetaRecord {
  /** lastExport: JSON of the log's count, head and time as carried by the last export. */
  key: 'format' | 'nextEvidenceNumber' | 'nextActionNumber' | 'createdAt' | 'lastExport' | 'reviewCopy' | 'exportRevisions';
  value: number | string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export type { OverlayRecord } from '../../core/records/model';
