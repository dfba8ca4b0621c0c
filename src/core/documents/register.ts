/** The evidence register: every evidence item the assessment links, with its full SHA-256 where it is a file. */
import type { FileChild } from 'docx';
import { formatBytes } from '../format/bytes';
import { isExpired } from '../rules/rules';
import type { Evidence } from '../records/model';
import { para, type Outline } from './blocks';
import type { DocContext } from './context';
import { markedIdsNote } from './marks';
import { TEXT_WIDTH } from './pageSetup';
import { dataTable, type CellValue } from './tables';
import { day, EMPTY, oneLine, plural } from './text';

const KIND_WORDS: Record<Evidence['kind'], string> = { file: 'File', link: 'Reference', note: 'Note' };

function source(e: Evidence): string {
  if (e.kind === 'file') return oneLine(e.fileName) || '—';
  if (e.kind === 'link') return oneLine(e.location) || '—';
  return oneLine(e.note) || '—';
}

function row(ctx: DocContext, e: Evidence): CellValue[] {
  const today = ctx.snapshot.today;
  return [
    { text: e.id, bold: true },
    oneLine(e.title),
    KIND_WORDS[e.kind],
    source(e),
    e.size !== undefined ? formatBytes(e.size) : '—',
    e.sha256 ? { text: e.sha256.toLowerCase(), mono: true } : '—',
    day(e.collectedOn),
    e.expiresOn ? `${day(e.expiresOn)}${isExpired(e, today) ? ' (expired)' : ''}` : EMPTY,
    ctx.requirementIds(e.id).join(', ') || '—',
  ];
}

/** The register, landscape: wide enough for the full hashes. */
export function registerSection(ctx: DocContext, outline: Outline, level: 1 | 2 = 2): FileChild[] {
  const { snapshot } = ctx;
  const files = snapshot.evidence.filter((e) => e.kind === 'file').length;
  const expired = snapshot.evidence.filter((e) => isExpired(e, snapshot.today)).length;
  return [
    outline.heading(level, 'Evidence items'),
    para(
      `${plural(snapshot.evidence.length, 'evidence item')} support this assessment: ${files} held as files, the rest as references or notes; ${expired} had expired on ${day(snapshot.today)}. A file can be checked against this register by computing its SHA-256 and comparing it with the value below.`,
    ),
    dataTable(
      [
        { header: 'EV ID', weight: 6.5 },
        { header: 'Title', weight: 16 },
        { header: 'Kind', weight: 7 },
        { header: 'File name or location', weight: 15 },
        { header: 'Size', weight: 5.5 },
        { header: 'SHA-256', weight: 21 },
        { header: 'Collected', weight: 8 },
        { header: 'Expires', weight: 9 },
        { header: 'Requirements', weight: 12 },
      ],
      snapshot.evidence.map((e) => row(ctx, e)),
      TEXT_WIDTH.landscape,
    ),
    ...markedIdsNote(
      ctx,
      snapshot.evidence.flatMap((e) => ctx.requirementIds(e.id)),
    ),
  ];
}
