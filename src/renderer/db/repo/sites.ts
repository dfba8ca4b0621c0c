/**
 * Removing a site. An assessment names its site, so a site still named by one is kept, and the refusal
 * names those assessments: the person then knows which ones to remove or move first.
 */
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate } from '../mutate';

/** How many names a refusal lists before it says "and N more"; a site may carry many assessments. */
const NAMES_SHOWN = 5;

/** "Used by 2 assessments: “2025 audit”, “2026 audit”; remove or move them first." */
export function siteInUseMessage(siteName: string, assessmentNames: readonly string[]): string {
  const count = assessmentNames.length;
  const shown = assessmentNames.slice(0, NAMES_SHOWN).map((n) => `“${n}”`);
  const rest = count > NAMES_SHOWN ? ` and ${count - NAMES_SHOWN} more` : '';
  const them = count === 1 ? 'it' : 'them';
  return `The site “${siteName}” was not removed. Used by ${count} assessment${count === 1 ? '' : 's'}: ${shown.join(', ')}${rest}; remove or move ${them} first.`;
}

/** Removes a site no assessment names, in one logged write; refuses, writing nothing, when one does. */
export async function removeSite(db: WorkbookDb, id: string): Promise<void> {
  await mutate(db, async (m) => {
    const before = await db.sites.get(id);
    if (!before) return;
    const using = await db.assessments.where('siteId').equals(id).toArray();
    if (using.length > 0) {
      const names = using.map((a) => a.name).sort((a, b) => a.localeCompare(b));
      throw new WorkbookError(siteInUseMessage(before.name, names), 'conflict');
    }
    await db.sites.delete(id);
    m.log('site', id, { op: 'delete', before });
  });
}
