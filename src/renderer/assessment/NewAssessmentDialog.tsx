/** Create an assessment: name, site, period, catalogue edition, scope and default target. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import type { MaturityLevel } from '../../core/records/model';
import { LEVELS } from '../../core/records/maturity';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';
import { shippedCatalogues } from '../content/catalogues';
import { WorkbookError } from '../db/errors';
import { sitesByName } from '../db/queries/profile';
import { createAssessment } from '../db/repo/assessments';
import { useWorkbook } from '../workbook/WorkbookContext';

const year = new Date().getFullYear();

export function NewAssessmentDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const db = useWorkbook();
  const sites = useLiveQuery(() => sitesByName(db), [db]) ?? [];
  const catalogues = shippedCatalogues().catalogues;
  const [catalogueId, setCatalogueId] = useState(catalogues[0]?.catalogue.id ?? '');
  const [error, setError] = useState('');
  const id = { name: useId(), site: useId(), start: useId(), end: useId(), edition: useId(), target: useId(), scope: useId() };
  const catalogue = catalogues.find((c) => c.catalogue.id === catalogueId);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!catalogue) return;
    const form = new FormData(event.currentTarget);
    try {
      const assessment = await createAssessment(db, {
        name: String(form.get('name')),
        siteId: String(form.get('site')),
        catalogueId: catalogue.catalogue.id,
        catalogueVersion: catalogue.catalogue.version,
        periodStart: String(form.get('start')),
        periodEnd: String(form.get('end')),
        scope: form.getAll('scope').map(String),
        defaultTargetLevel: Number(form.get('target')) as MaturityLevel,
      });
      setError('');
      onCreated(assessment.id);
    } catch (e) {
      setError(e instanceof WorkbookError ? e.message : 'The assessment was not created.');
    }
  }

  return (
    <Dialog title="New assessment" open={open} onClose={onClose} wide>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label htmlFor={id.name}>Name</label>
        <input id={id.name} name="name" required maxLength={200} defaultValue={`${year} self-assessment`} />
        <label htmlFor={id.site}>Site</label>
        <select id={id.site} name="site" required>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label htmlFor={id.start}>Period from</label>
        <input id={id.start} name="start" type="date" required defaultValue={`${year}-01-01`} />
        <label htmlFor={id.end}>Period to</label>
        <input id={id.end} name="end" type="date" required defaultValue={`${year}-12-31`} />
        <label htmlFor={id.edition}>Catalogue</label>
        <select id={id.edition} value={catalogueId} onChange={(e) => setCatalogueId(e.target.value)}>
          {catalogues.map((c) => (
            <option key={c.catalogue.id} value={c.catalogue.id}>
              {c.catalogue.edition} (catalogue {c.catalogue.version})
            </option>
          ))}
        </select>
        <span id={id.scope} className="label-top">
          Scope
        </span>
        <fieldset className="checkbox-list" aria-labelledby={id.scope}>
          {catalogue?.catalogue.spes.map((spe) => (
            <label key={spe.id}>
              <input type="checkbox" name="scope" value={spe.id} defaultChecked /> {spe.id} — {spe.title}
            </label>
          ))}
        </fieldset>
        <label htmlFor={id.target}>Default target level</label>
        <select id={id.target} name="target" defaultValue="2">
          {LEVELS.filter((l) => l.level > 0).map((l) => (
            <option key={l.level} value={l.level}>
              {l.label} {l.name}
            </option>
          ))}
        </select>
        <FormFooter error={error} submitLabel="Create assessment" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
