/** The evidence library's rows: link counts, expiry state, and the filters and sort orders it offers. */
import { fold } from '../catalogue/search';
import { isExpired } from '../rules/rules';
import type { Evidence, EvidenceKind, EvidenceLink } from '../records/model';

export type ExpiryState = 'none' | 'valid' | 'expiring' | 'expired';
export type LibraryFilter = 'all' | 'expiring' | 'expired' | 'unlinked';
export type LibrarySort = 'id' | 'title' | 'expiresOn' | 'size' | 'links';

export interface LibraryRow {
  evidence: Evidence;
  links: number;
  expiry: ExpiryState;
}

/** The day `days` after an ISO date, as YYYY-MM-DD. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function expiryOf(evidence: Evidence, today: string): ExpiryState {
  if (!evidence.expiresOn) return 'none';
  if (isExpired(evidence, today)) return 'expired';
  return evidence.expiresOn <= addDays(today, 30) ? 'expiring' : 'valid';
}

export interface LibraryQuery {
  today: string;
  kind: EvidenceKind | 'all';
  filter: LibraryFilter;
  text: string;
  sort: LibrarySort;
  descending: boolean;
}

export function libraryRows(evidence: readonly Evidence[], links: readonly EvidenceLink[], query: LibraryQuery): LibraryRow[] {
  const counts = new Map<string, number>();
  for (const l of links) counts.set(l.evidenceId, (counts.get(l.evidenceId) ?? 0) + 1);
  const words = fold(query.text.trim()).split(/\s+/).filter(Boolean);
  const rows: LibraryRow[] = [];
  for (const e of evidence) {
    const row = { evidence: e, links: counts.get(e.id) ?? 0, expiry: expiryOf(e, query.today) };
    if (query.kind !== 'all' && e.kind !== query.kind) continue;
    if (query.filter === 'expiring' && row.expiry !== 'expiring') continue;
    if (query.filter === 'expired' && row.expiry !== 'expired') continue;
    if (query.filter === 'unlinked' && row.links > 0) continue;
    if (words.length) {
      const haystack = fold(`${e.id} ${e.title} ${e.fileName ?? ''} ${e.owner} ${e.location ?? ''}`);
      if (!words.every((w) => haystack.includes(w))) continue;
    }
    rows.push(row);
  }
  const key = (r: LibraryRow): string | number => {
    switch (query.sort) {
      case 'id':
        return r.evidence.number;
      case 'title':
        return fold(r.evidence.title);
      case 'expiresOn':
        return r.evidence.expiresOn ?? '9999-99-99';
      case 'size':
        return r.evidence.size ?? -1;
      case 'links':
        return r.links;
    }
  };
  const direction = query.descending ? -1 : 1;
  return rows.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : a.evidence.number - b.evidence.number) * direction;
  });
}
