/** After an export: the revision, export ID and records digest its documents carry, to note or compare. */
import type { ExportControl } from '../../core/documents/control';

export function ExportIdentityNote({ control }: { control: ExportControl | null }) {
  if (!control) return null;
  return (
    <p className="export-identity">
      Revision {control.revision}, export ID <code>{control.exportId}</code>. Every document of this export carries the records digest{' '}
      <code className="hash" title="SHA-256 of the records the documents were built from">
        {control.digest}
      </code>
      .
    </p>
  );
}
