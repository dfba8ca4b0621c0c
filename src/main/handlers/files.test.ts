import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { safeFileName } from '../../core/format/fileName';
import { createFileHandlers, mediaTypeFor, type FileDeps } from './files';

function setup(choice: { save?: string; open?: string[] }) {
  const dialog = {
    showSaveDialog: vi.fn(async () => (choice.save ? { canceled: false, filePath: choice.save } : { canceled: true, filePath: '' })),
    showOpenDialog: vi.fn(async () => (choice.open ? { canceled: false, filePaths: choice.open } : { canceled: true, filePaths: [] })),
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

describe('openFiles', () => {
  it('returns name, media type and bytes of each chosen file', async () => {
    const folder = dir();
    const file = path.join(folder, 'policy.pdf');
    writeFileSync(file, 'pdf bytes');
    const { handlers } = setup({ open: [file] });
    const [opened] = await handlers.openFiles({ multiple: true, filters: [], maxBytes: 1000 });
    expect(opened).toMatchObject({ name: 'policy.pdf', type: 'application/pdf' });
    expect(new TextDecoder().decode(opened!.bytes)).toBe('pdf bytes');
  });

  it('refuses the whole selection when one file is over the limit', async () => {
    const folder = dir();
    writeFileSync(path.join(folder, 'small.txt'), 'x');
    writeFileSync(path.join(folder, 'big.bin'), Buffer.alloc(2048));
    const { handlers } = setup({ open: [path.join(folder, 'small.txt'), path.join(folder, 'big.bin')] });
    await expect(handlers.openFiles({ multiple: true, filters: [], maxBytes: 1024 })).rejects.toThrow(
      '"big.bin" is 2.0 KiB, larger than the limit of 1.0 KiB. Nothing was added.',
    );
  });

  it('returns nothing when the dialog is cancelled', async () => {
    await expect(setup({}).handlers.openFiles({ multiple: false, filters: [], maxBytes: 10 })).resolves.toEqual([]);
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
});

describe('helpers', () => {
  it('names media types', () => {
    expect(mediaTypeFor('a.DOCX')).toContain('wordprocessingml');
    expect(mediaTypeFor('a.png')).toBe('image/png');
  });

  it.each([
    ['CON', 'export'],
    ['  .hidden. ', 'hidden'],
    ['a\u0000b<c>.docx', 'a_b_c_.docx'],
    ['Report – Plant A.docx', 'Report – Plant A.docx'],
  ])('makes %j safe as %j', (input, expected) => expect(safeFileName(input, 'export')).toBe(expected));
});
