/** A bundle being read and checked in its worker: what is checked, how far it is, and a way to stop. */
export function BundleChecking({ name, done, total, onCancel }: { name: string; done: number; total: number; onCancel: () => void }) {
  return (
    <div role="status">
      <p>Checking {name}: every file’s hash, every record and the change log…</p>
      <progress max={total || 1} value={done} aria-label="Checking the bundle" />
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
