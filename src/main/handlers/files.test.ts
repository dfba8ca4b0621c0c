import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { safeFileName } from '../../core/format/fileName';
import { createFileHandlers, type FileDeps } from './files';

function setup(choice: { save?: string }) {
  const dialog = {
    showSaveDialog: vi.fn(async () => (choice.save ? { canceled: false, filePath: choice.save } : { canceled: true, filePath: '' })),
  };
  const shell = { showItemInFolder: vi.fn() };
  const handlers = createFileHandlers({ dialog, shell, window: () => null } as unknown as FileDeps);
  return { handlers, dialog, shell };
}

const dir = () => mkdtempSync(path.join(tmpdir(), 'csms-files-'));

describe('saveFile', () => {
  it('writes the bytes to the chosen file and leaves no temporary file', async () => {
    const folder = dir();
    const target = path.join(folder, 'report.docx');
    const { handlers, dialog } = setup({ save: target });
    const outcome = await handlers.saveFile({ suggestedName: 'report.docx', bytes: new Uint8Array([1, 2, 3]), filters: [] });
    expect(outcome).toEqual({ saved: true, path: target });
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(readdirSync(folder)).toEqual(['report.docx']);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'report.docx' }));
  });

  it('says nothing was saved when the dialog is cancelled', async () => {
    const { handlers } = setup({});
    await expect(handlers.saveFile({ suggestedName: 'a.docx', bytes: new Uint8Array(1), filters: [] })).resolves.toEqual({ saved: false });
  });

  it('offers a safe name in the dialog', async () => {
    const { handlers, dialog } = setup({});
    await handlers.saveFile({ suggestedName: '../../etc/pass:wd', bytes: new Uint8Array(1), filters: [] });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: '_.._etc_pass_wd' }));
  });

  it('reports a failed write with the file name and keeps the old file', async () => {
    const folder = dir();
    const target = path.join(folder, 'missing-folder', 'report.docx');
    const { handlers } = setup({ save: target });
    await expect(handlers.saveFile({ suggestedName: 'report.docx', bytes: new Uint8Array(1), filters: [] })).rejects.toThrow(
      /Could not save "report.docx"/,
    );
    expect(existsSync(target)).toBe(false);
  });
});

describe('revealFile', () => {
  it('shows only files saved in this session', async () => {
    const target = path.join(dir(), 'out.docx');
    const { handlers, shell } = setup({ save: target });
    await expect(handlers.revealFile('/etc/passwd')).rejects.toThrow(/Only files saved from the app/);
    await handlers.saveFile({ suggestedName: 'out.docx', bytes: new Uint8Array(1), filters: [] });
    await handlers.revealFile(target);
    expect(shell.showItemInFolder).toHaveBeenCalledWith(target);
  });

  it('shows a file saved by a streamed save once it is remembered', async () => {
    const { handlers, shell } = setup({});
    await expect(handlers.revealFile('/media/usb/bundle.csmsx')).rejects.toThrow(/Only files saved from the app/);
    handlers.rememberSaved('/media/usb/bundle.csmsx');
    await handlers.revealFile('/media/usb/bundle.csmsx');
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/media/usb/bundle.csmsx');
  });
});

describe('helpers', () => {
  it.each([
    ['CON', 'export'],
    ['  .hidden. ', 'hidden'],
    ['a\u0000b<c>.docx', 'a_b_c_.docx'],
    ['Report – Plant A.docx', 'Report – Plant A.docx'],
  ])('makes %j safe as %j', (input, expected) => expect(safeFileName(input, 'export')).toBe(expected));
});
