/** The assessment workspace: the navigator beside the requirement being answered. */
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { createSearch, fold } from '../../core/catalogue/search';
import { useLinkedSearch } from './useLinkedSearch';
import { isApplicable } from '../../core/rules/rules';
import { matchesFilter, type RequirementFilter } from '../../core/workspace/requirementState';
import { isLocked, lockedMessage } from '../../core/records/lifecycle';
import type { MaturityLevel } from '../../core/records/model';
import { useToast } from '../components/toast';
import { saveResponse } from '../db/repo/responses';
import { useWorkbook, useWorkbookSwitch } from '../workbook/WorkbookContext';
import { BulkEditDialog, type BulkGroup } from './BulkEditDialog';
import { ImportAnswersDialog } from './ImportAnswersDialog';
import { LifecycleBar } from './LifecycleBar';
import { LifecycleDialog, type LifecycleStep } from './LifecycleDialog';
import { Navigator } from './Navigator';
import { RequirementPage } from './RequirementPage';
import { useRequirementKeys } from './useRequirementKeys';
import { useWorkspaceData } from './useWorkspaceData';

export function WorkspaceScreen({
  assessmentId,
  requirementId,
  navigate,
}: {
  assessmentId: string;
  requirementId: string | undefined;
  navigate: (route: string) => void;
}) {
  const db = useWorkbook();
  const toast = useToast();
  const data = useWorkspaceData(assessmentId);
  const [filter, setFilter] = useState<RequirementFilter>('all');
  const [query, setQuery] = useState('');
  const [step, setStep] = useState<LifecycleStep | null>(null);
  const [bulk, setBulk] = useState<BulkGroup | null>(null);
  const { which } = useWorkbookSwitch();
  const [importing, setImporting] = useState(false);
  // Bumped once an import's answers have arrived: the open answer's form is built afresh, so it shows
  // (and autosaves from) the imported text. Until then `imported` holds the answers as they were before.
  const [imports, setImports] = useState(0);
  const [imported, setImported] = useState<unknown>(null);
  const deferredQuery = useDeferredValue(query);
  const searchRef = useRef<HTMLInputElement>(null);
  const search = useMemo(() => (data ? createSearch(data.index.requirements) : null), [data?.index]); // eslint-disable-line react-hooks/exhaustive-deps

  const via = useLinkedSearch(data, deferredQuery);

  const visible = useMemo(() => {
    if (!data || !search) return new Set<string>();
    const words = fold(deferredQuery.trim()).split(/\s+/).filter(Boolean);
    const hits = words.length ? new Set([...search(deferredQuery, 200).map((h) => h.requirement.id), ...via.keys()]) : null;
    const ids = new Set<string>();
    for (const [id, state] of data.states) {
      if (!matchesFilter(state, filter)) continue;
      if (hits && !hits.has(id)) {
        const narrative = fold(`${data.responses.get(id)?.narrative ?? ''} ${data.responses.get(id)?.gaps ?? ''}`);
        if (!words.every((w) => narrative.includes(w))) continue;
      }
      ids.add(id);
    }
    return ids;
  }, [data, search, filter, deferredQuery, via]);

  const order = useMemo(() => (data ? data.index.requirements.filter((r) => visible.has(r.id)).map((r) => r.id) : []), [data, visible]);
  const hrefFor = useCallback((id: string) => `#/assessment/${assessmentId}/${encodeURIComponent(id)}`, [assessmentId]);
  const current = requirementId && data?.states.has(requirementId) ? requirementId : order[0];

  const move = useCallback(
    (step: 1 | -1) => {
      if (order.length === 0) return;
      const at = current ? order.indexOf(current) : -1;
      const next = order[Math.min(order.length - 1, Math.max(0, at + step))];
      if (next) navigate(`assessment/${assessmentId}/${encodeURIComponent(next)}`);
    },
    [order, current, navigate, assessmentId],
  );
  const setLevel = useCallback(
    (level: MaturityLevel) => {
      if (!current || !data) return;
      // The keys would be refused by the write path anyway; say why nothing happens.
      if (isLocked(data.assessment)) return toast({ message: lockedMessage(data.assessment) });
      if (!isApplicable(data.responses.get(current))) return;
      saveResponse(db, assessmentId, current, { achievedLevel: level }).catch((e: Error) => toast({ message: e.message, tone: 'error' }));
    },
    [current, data, db, assessmentId, toast],
  );
  useRequirementKeys({ search: searchRef, move, setLevel });

  if (imported !== null && data && data.responses !== imported) {
    setImported(null);
    setImports((n) => n + 1);
  }
  if (data === undefined) return <p role="status">Loading…</p>;
  if (data === null)
    return <p role="alert">This assessment no longer exists, or its catalogue is not available in this version of the app.</p>;
  const requirement = current ? data.index.requirement(current) : undefined;
  return (
    <div className="workspace">
      <Navigator
        ref={searchRef}
        spes={data.index.catalogue.spes.filter((s) => data.assessment.scope.includes(s.id))}
        scores={data.scores}
        states={data.states}
        visible={visible}
        current={current}
        hrefFor={hrefFor}
        filter={filter}
        onFilter={setFilter}
        query={query}
        onQuery={setQuery}
        onBulkEdit={isLocked(data.assessment) || which === 'review' ? undefined : setBulk}
        via={via}
      />
      <BulkEditDialog group={bulk} data={data} onClose={() => setBulk(null)} />
      <div className="workspace-main">
        <p className="muted small workspace-title">
          <a href="#/assessment">Assessments</a> › {data.assessment.name} ·{' '}
          <a href={`#/assessment/${assessmentId}/conduct`}>Conduct and scope</a>{' '}
          <button type="button" className="small" onClick={() => setImporting(true)}>
            Import answers from a spreadsheet…
          </button>
        </p>
        <ImportAnswersDialog data={data} open={importing} onClose={() => setImporting(false)} onApplied={setImported} />
        <LifecycleBar assessment={data.assessment} onStep={setStep} />
        <LifecycleDialog assessment={data.assessment} step={step} onClose={() => setStep(null)} />
        {requirement ? (
          <RequirementPage key={`${requirement.id}|${imports}`} requirement={requirement} data={data} onReopen={() => setStep('reopen')} />
        ) : (
          <p>No requirement matches the filter and search.</p>
        )}
      </div>
    </div>
  );
}
