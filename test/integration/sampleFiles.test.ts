import { crc32 as nodeCrc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, csvFile, csvText, pdfDocument, pngDiagram, pngImage, PNG_SIGNATURE, type Rgb } from '../../src/core/sample/sampleFiles';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('pdfDocument', () => {
  const pdf = pdfDocument('Policy (draft) \\ v1', ['First line', 'Second line with a price of 5 (five) euros', 'Café ✓']);
  const text = latin1(pdf);

  it('starts with the header and ends with the end-of-file marker', () => {
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('has a cross-reference table whose offsets point at each object', () => {
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
    expect(Number(first)).toBe(0);
    const entries = text
      .slice(startxref)
      .split('\n')
      .slice(2, 2 + Number(count));
    expect(entries[0]).toBe('0000000000 65535 f ');
    for (const [i, entry] of entries.entries()) {
      expect(entry).toHaveLength(19); // plus the \n: 20 bytes, as the format requires
      if (i === 0) continue;
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${i} 0 obj`.length)).toBe(`${i} 0 obj`);
    }
    expect(text).toContain(`/Size ${count}`);
  });

  it('gives the content stream its exact length', () => {
    const match = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text)!;
    expect(match[2]!.length).toBe(Number(match[1]));
    expect(match[2]).toContain('(First line) Tj T*');
  });

  it('escapes parentheses and backslashes and replaces characters Helvetica cannot show', () => {
    expect(text).toContain('(Policy \\(draft\\) \\\\ v1) Tj');
    expect(text).toContain('(Second line with a price of 5 \\(five\\) euros) Tj');
    expect(text).toContain('(Caf\u00e9 ?) Tj');
  });

  it('wraps long lines and stops at the foot of the page', () => {
    const long = pdfDocument('T', [Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')]);
    expect(latin1(long).match(/\) Tj T\*/g)).toHaveLength(3);
    const many = pdfDocument(
      'T',
      Array.from({ length: 80 }, (_, i) => `line ${i}`),
    );
    expect(latin1(many)).toContain('(line 51) Tj');
    expect(latin1(many)).not.toContain('(line 52) Tj');
  });
});

function chunks(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; data: Uint8Array; crc: number; body: Uint8Array }[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = latin1(png.subarray(at + 4, at + 8));
    out.push({
      type,
      data: png.subarray(at + 8, at + 8 + length),
      crc: view.getUint32(at + 8 + length),
      body: png.subarray(at + 4, at + 8 + length),
    });
    at += 12 + length;
  }
  return out;
}

describe('png', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes the signature and IHDR, IDAT, IEND chunks with valid CRCs and the right pixels', () => {
    const colours: Rgb[] = [
      [255, 0, 0],
      [0, 128, 255],
    ];
    const png = pngImage(5, 3, (x, y) => colours[(x + y) % 2]!);
    expect([...png.subarray(0, 8)]).toEqual([...PNG_SIGNATURE]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    for (const c of list) expect(c.crc).toBe(nodeCrc32(c.body));
    const ihdr = new DataView(list[0]!.data.buffer, list[0]!.data.byteOffset, 13);
    expect([ihdr.getUint32(0), ihdr.getUint32(4), ihdr.getUint8(8), ihdr.getUint8(9)]).toEqual([5, 3, 8, 2]);
    const raw = inflateSync(list[1]!.data);
    expect(raw.length).toBe(3 * (1 + 5 * 3));
    expect([...raw.subarray(0, 7)]).toEqual([0, 255, 0, 0, 0, 128, 255]);
    expect([...raw.subarray(16, 20)]).toEqual([0, 0, 128, 255]); // row 1 starts with the other colour
  });

  it('draws diagram boxes over lines over the background, with borders', () => {
    const white: Rgb = [255, 255, 255];
    const png = pngDiagram(
      40,
      20,
      white,
      [{ x: 0, y: 0, w: 10, h: 10, fill: [0, 255, 0], border: [0, 0, 0] }],
      [{ from: [5, 15], to: [35, 15], colour: [0, 0, 255], width: 3 }],
    );
    const raw = inflateSync(chunks(png).find((c) => c.type === 'IDAT')!.data);
    const pixel = (x: number, y: number) => [...raw.subarray(y * 121 + 1 + x * 3, y * 121 + 4 + x * 3)];
    expect(raw.length).toBe(20 * 121);
    expect(pixel(0, 0)).toEqual([0, 0, 0]);
    expect(pixel(5, 5)).toEqual([0, 255, 0]);
    expect(pixel(20, 15)).toEqual([0, 0, 255]);
    expect(pixel(20, 14)).toEqual([0, 0, 255]); // 3 px wide: one row either side of the centre
    expect(pixel(20, 16)).toEqual([0, 0, 255]);
    expect(pixel(20, 13)).toEqual([255, 255, 255]);
    expect(pixel(38, 5)).toEqual([255, 255, 255]);
  });
});

describe('csv', () => {
  it('quotes only fields that need it, doubles quotes and ends every record with CRLF', () => {
    expect(
      csvText([
        ['a', 'b,c', 'say "hi"'],
        ['line\nbreak', '', 'plain'],
      ]),
    ).toBe('a,"b,c","say ""hi"""\r\n"line\nbreak",,plain\r\n');
  });

  it('encodes as UTF-8', () => {
    expect([...csvFile([['é']])]).toEqual([0xc3, 0xa9, 0x0d, 0x0a]);
  });
});
