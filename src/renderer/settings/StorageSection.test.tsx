import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { WorkbookDb } from '../db/database';
import type { Settings } from '../db/repo/settings';
import { WorkbookContext } from '../workbook/WorkbookContext';
import { StorageSection } from './StorageSection';

const shown = (persistence: Settings['persistence']) =>
  renderToStaticMarkup(
    <WorkbookContext.Provider value={{ name: 'test' } as WorkbookDb}>
      <StorageSection persistence={persistence} />
    </WorkbookContext.Provider>,
  );

describe('the storage advice', () => {
  it.each(['denied', 'unsupported'] as const)('to save bundles comes with the button that saves one (%s)', (persistence) => {
    const html = shown(persistence);
    expect(html).toContain('Save a bundle of the workbook regularly');
    expect(html).toMatch(/<button type="button">Save a bundle of the workbook now…<\/button>/);
  });

  it('is not given, nor the button, where the workbook is kept for good', () => {
    const html = shown('granted');
    expect(html).not.toContain('regularly');
    expect(html).not.toContain('<button');
  });
});
