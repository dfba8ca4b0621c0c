/** The evidence register: every evidence item the assessment links, with its full SHA-256 where it is a file. */
import type { FileChild } from 'docx';
import { isExpired } from '../rules/rules';
import type { Evidence } from '../records/model';
import { para, type Outline } from './blocks';
import type { DocContext } from './context';
import { markedIdsNote } from './marks';
import { markingOf } from './marking';
import { TEXT_WIDTH } from './pageSetup';
import { dataTable, type CellValue } from './tables';
import { day, EMPTY, oneLine, plural } from './text';
import { isDamaged } from './validity';

const KIND_WORDS: Record<Evidence['kind'], string> = { file: 'File', link: 'Reference', note: 'Note' };

function source(e: Evidence): string {
  if (e.kind === 'file') return oneLine(e.fileName) || '—';
  if (e.kind === 'link') return oneLine(e.location) || '—';
  return oneLine(e.note) || '—';
}

/** A file's size to the byte, digits grouped by commas: "1,234,567 bytes", never rounded. */
export function exactBytes(size: number): string {
  const digits = String(Math.trunc(size)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${digits} ${size === 1 ? 'byte' : 'bytes'}`;
}

function row(ctx: DocContext, e: Evidence): CellValue[] {
  const today = ctx.snapshot.today;
  return [
    { text: e.id, bold: true },
    oneLine(e.title),
    KIND_WORDS[e.kind],
    source(e),
    `${e.size !== undefined ? exactBytes(e.size) : EMPTY}${isDamaged(ctx, e.id) ? ' (file missing or changed)' : ''}`,
    e.sha256 ? { text: e.sha256.toLowerCase(), mono: true } : EMPTY,
    day(e.collectedOn),
    e.expiresOn ? `${day(e.expiresOn)}${isExpired(e, today) ? ' (expired)' : ''}` : EMPTY,
    oneLine(e.owner) || EMPTY,
    markingOf(e) || EMPTY,
    ctx.requirementIds(e.id).join(', ') || EMPTY,
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
      `${plural(snapshot.evidence.length, 'evidence item')} support this assessment: ${files} held as files, the rest as references or notes; ${expired} had expired on ${day(snapshot.today)}, and an expired item backs no claimed level. Sizes are exact, in bytes. A file can be checked against this register by computing its SHA-256 and comparing it with the value below.`,
    ),
    dataTable(
      [
        { header: 'EV ID', weight: 7.5 },
        { header: 'Title', weight: 10 },
        { header: 'Kind', weight: 5.5 },
        { header: 'File name or location', weight: 10 },
        { header: 'Size', weight: 8 },
        { header: 'SHA-256', weight: 15.5 },
        { header: 'Collected', weight: 8.5 },
        { header: 'Expires', weight: 9 },
        { header: 'Owner', weight: 8 },
        { header: 'Classification', weight: 11.5 },
        { header: 'Requirements', weight: 11 },
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
