/**
 * Where the app and the command line get the sheets' findings and action references: the findings as
 * the one findings module derives them, and each action by its ACT number (actions from before
 * numbering get the same display numbers the documents print: findings/actionRef withActionNumbers).
 */
import { formatActionId, UNNUMBERED_ACTION, withActionNumbers } from '../findings/actionRef';
import { findingsOf } from '../findings/findings';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import type { SheetInputs } from './build';

export function sheetInputsOf(snapshot: WorkbookSnapshot): SheetInputs {
  const numbers = new Map(withActionNumbers(snapshot.actions).map((a) => [a.id, a.number]));
  return {
    findings: findingsOf(snapshot),
    actionRef: (action) => {
      const number = action.number ?? numbers.get(action.id);
      return number === undefined ? UNNUMBERED_ACTION : formatActionId(number);
    },
  };
}
