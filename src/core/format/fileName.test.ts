import { describe, expect, it } from 'vitest';
import { capBytes, exportBaseName, exportFileName, safeFileName } from './fileName';

const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('export file names', () => {
  it('keeps the letters of any script and joins the words with hyphens', () => {
    expect(exportBaseName('Оценка завода №1 – 2026')).toBe('Оценка-завода-1-2026');
    expect(exportBaseName('水处理厂 评估 2026')).toBe('水处理厂-评估-2026');
    expect(exportBaseName('Évaluation: 2026 / "Q1"?*')).toBe('Evaluation-2026-Q1');
    // Devanagari vowel signs are marks of the word, not accents to drop.
    expect(exportBaseName('मूल्यांकन')).toBe('मूल्यांकन');
  });

  it('drops a right-to-left override so an Arabic name cannot disguise its extension', () => {
    const name = exportFileName('تقييم\u202Excod.exe', 'evidence package', 'zip');
    expect(name).toBe('تقييمxcod-exe_evidence-package.zip');
    expect(name).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('falls back to a plain name when nothing visible is left, or the name is a device name', () => {
    expect(exportBaseName('\u200B\u200C\u200D\u2060\uFEFF\u202E')).toBe('assessment');
    expect(exportFileName('  ...  ', 'assessment report', 'docx')).toBe('assessment_assessment-report.docx');
    expect(exportBaseName('CON')).toBe('assessment');
    expect(exportBaseName('com1')).toBe('assessment');
  });

  it('caps a long name in UTF-8 bytes without cutting a character', () => {
    const latin = exportBaseName('a'.repeat(300));
    expect(latin).toBe('a'.repeat(80));
    const chinese = exportBaseName('评'.repeat(300));
    expect(bytes(chinese)).toBeLessThanOrEqual(80);
    expect(chinese).toBe('评'.repeat(26));
    expect(capBytes('😀😀😀', 9)).toBe('😀😀');
  });
});

describe('names the user chose', () => {
  it('keeps spaces and punctuation, replaces reserved characters, drops invisible ones', () => {
    expect(safeFileName('Report – Plant A.docx')).toBe('Report – Plant A.docx');
    expect(safeFileName('a\u0000b<c>:d/e\\f|g?h*i"j.docx')).toBe('a_b_c__d_e_f_g_h_i_j.docx');
    expect(safeFileName('inv\u200Boice\u202E.pdf')).toBe('invoice.pdf');
    expect(safeFileName('\u200B\u2060', 'export')).toBe('export');
    expect(safeFileName(' . CON . ', 'export')).toBe('export');
  });

  it('caps the name at the byte limit on a character boundary and trims what the cut leaves at the end', () => {
    const name = safeFileName(`${'й'.repeat(150)} .tail`, 'export', 200);
    expect(bytes(name)).toBeLessThanOrEqual(200);
    expect(name).toBe('й'.repeat(100));
  });
});
