/** Records that exist only in the browser database (they hold Blobs or are bookkeeping). */
import type { OverlayEntry } from '../../core/catalogue/overlay';

export interface BlobRecord {
  /** The SHA-256 of the bytes, which is also the key: the same bytes are stored once. */
  sha256: string;
  blob: Blob;
  size: number;
}

export interface MetaRecord {
  key: 'format' | 'nextEvidenceNumber' | 'createdAt';
  value: number | string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export interface OverlayRecord {
  catalogueId: string;
  fileName: string;
  importedAt: string;
  entries: OverlayEntry[];
}
