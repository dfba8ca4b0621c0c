import { formatBytes, shortHash } from '../../core/format/bytes';
import type { Evidence } from '../../core/workbook/model';

const KIND_LABEL = { file: 'File', link: 'Link', note: 'Note' } as const;

export function EvidenceTable({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return <p className="muted">No evidence yet. Add files by choosing them or dropping them here.</p>;
  return (
    <table className="data-table" aria-label="Evidence">
      <thead>
        <tr>
          <th scope="col">ID</th>
          <th scope="col">Title</th>
          <th scope="col">Kind</th>
          <th scope="col">Size</th>
          <th scope="col">SHA-256</th>
          <th scope="col">Expires</th>
        </tr>
      </thead>
      <tbody>
        {evidence.map((e) => (
          <tr key={e.id} data-evidence-id={e.id}>
            <td>{e.id}</td>
            <td>{e.title}</td>
            <td>{KIND_LABEL[e.kind]}</td>
            <td>{e.size !== undefined ? formatBytes(e.size) : '—'}</td>
            <td>{e.sha256 ? <code title={e.sha256}>{shortHash(e.sha256)}</code> : '—'}</td>
            <td>{e.expiresOn ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
