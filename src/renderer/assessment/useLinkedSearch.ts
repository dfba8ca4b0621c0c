/** The workspace search through linked evidence and actions; the index is rebuilt only when they change. */
import { useMemo } from 'react';
import { createLinkedSearch, describeVia } from '../../core/catalogue/linkedSearch';
import type { WorkspaceData } from './useWorkspaceData';

export function useLinkedSearch(data: WorkspaceData | null | undefined, query: string): ReadonlyMap<string, string> {
  const links = data?.links;
  const evidence = data?.evidence;
  const actions = data?.actions;
  const search = useMemo(
    () => (links && evidence && actions ? createLinkedSearch({ links, evidence, actions }) : null),
    [links, evidence, actions],
  );
  return useMemo(() => {
    const reasons = new Map<string, string>();
    if (!search) return reasons;
    for (const [requirementId, via] of search(query)) reasons.set(requirementId, describeVia(via));
    return reasons;
  }, [search, query]);
}
