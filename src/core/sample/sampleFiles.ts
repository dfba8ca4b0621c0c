/**
 * Small but valid files for the sample workbook, built in memory: a one-page PDF, a PNG block
 * diagram and CSV text. Pure: no DOM, no Node; fflate supplies the zlib stream for the PNG.
 */
import { strToU8, zlibSync } from 'fflate';
import { concatBytes } from '../format/bytes';

// ---------------------------------------------------------------- PDF

/** Text as PDF string content: Latin-1 only (Helvetica with WinAnsi), with \, ( and ) escaped. */
function pdfString(text: string): string {
  const latin1 = [...text].map((c) => (c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) <= 0xff ? c : '?')).join('');
  return `(${latin1.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** Splits a line at spaces so it fits the page width at 10 pt. */
function wrap(line: string, width = 92): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  out.push(current);
  return out;
}

const MAX_LINES = 52;

/** A single A4 page: the title in 16 pt Helvetica, then the lines in 10 pt, wrapped; excess lines are cut. */
export function pdfDocument(title: string, lines: string[]): Uint8Array {
  const body = lines.flatMap((l) => wrap(l)).slice(0, MAX_LINES);
  const text = [
    'BT',
    `/F1 16 Tf 56 780 Td ${pdfString(title)} Tj`,
    '/F1 10 Tf 14 TL 0 -30 Td',
    ...body.map((l) => `${pdfString(l)} Tj T*`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    `<< /Title ${pdfString(title)} /Producer (CSMS Workbook sample) >>`,
  ];
  // Every character is Latin-1, so string length equals byte length and offsets can be counted in characters.
  let pdf = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(pdf, true);
}

// ---------------------------------------------------------------- PNG

export type Rgb = readonly [number, number, number];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(strToU8(type, true), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An 8-bit RGB PNG whose pixel colours come from draw(x, y). */
export function pngImage(width: number, height: number, draw: (x: number, y: number) => Rgb): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, adaptive filtering, no interlace
  const stride = 1 + width * 3;
  const raw = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(draw(x, y), y * stride + 1 + x * 3);
  }
  return concatBytes([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

export interface DiagramBox {
  x: number;
  y: number;
  w: number;
  h: number;
  fill: Rgb;
  border?: Rgb;
}

/** A horizontal or vertical segment, such as a conduit between two zones. */
export interface DiagramLine {
  from: readonly [number, number];
  to: readonly [number, number];
  colour: Rgb;
  width?: number;
}

/** A block diagram: boxes (later ones on top, 2 px borders) over lines, over the background. */
export function pngDiagram(width: number, height: number, background: Rgb, boxes: DiagramBox[], lines: DiagramLine[]): Uint8Array {
  const onLine = (l: DiagramLine, x: number, y: number) => {
    const half = Math.floor((l.width ?? 3) / 2);
    const [x0, x1] = [Math.min(l.from[0], l.to[0]) - half, Math.max(l.from[0], l.to[0]) + half];
    const [y0, y1] = [Math.min(l.from[1], l.to[1]) - half, Math.max(l.from[1], l.to[1]) + half];
    return x >= x0 && x <= x1 && y >= y0 && y <= y1;
  };
  return pngImage(width, height, (x, y) => {
    for (let i = boxes.length - 1; i >= 0; i--) {
      const b = boxes[i]!;
      if (x < b.x || x >= b.x + b.w || y < b.y || y >= b.y + b.h) continue;
      const edge = x < b.x + 2 || x >= b.x + b.w - 2 || y < b.y + 2 || y >= b.y + b.h - 2;
      return edge && b.border ? b.border : b.fill;
    }
    const line = lines.find((l) => onLine(l, x, y));
    return line ? line.colour : background;
  });
}

// ---------------------------------------------------------------- CSV

/** RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled; records end with CRLF. */
export function csvText(rows: string[][]): string {
  const field = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(field).join(',') + '\r\n').join('');
}

/** CSV as UTF-8 bytes. */
export const csvFile = (rows: string[][]): Uint8Array => strToU8(csvText(rows));
