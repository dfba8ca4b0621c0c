/**
 * ExcelJS writes the children of a font in styles.xml in its own order (colour before size, scheme
 * before name); the Open XML SDK validator, like Excel's own checks, expects the schema's order. This
 * puts them back in that order after ExcelJS has written the file.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const FONT_CHILD_ORDER = [
  'b',
  'i',
  'strike',
  'condense',
  'extend',
  'outline',
  'shadow',
  'u',
  'vertAlign',
  'sz',
  'color',
  'name',
  'family',
  'charset',
  'scheme',
];

const rank = (child: string): number => {
  const name = /^<([A-Za-z]+)/.exec(child)?.[1] ?? '';
  const at = FONT_CHILD_ORDER.indexOf(name);
  return at === -1 ? FONT_CHILD_ORDER.length : at;
};

/** The styles part with the children of every <font> in schema order; nothing else changes. */
export function orderFontChildren(stylesXml: string): string {
  return stylesXml.replace(/<font>((?:<[A-Za-z]+(?:\s[^>]*)?\/>)*)<\/font>/g, (_all, children: string) => {
    const parts = children.match(/<[A-Za-z]+(?:\s[^>]*)?\/>/g) ?? [];
    return `<font>${[...parts].sort((a, b) => rank(a) - rank(b)).join('')}</font>`;
  });
}

/** The .xlsx with its styles part corrected; every other part is kept byte for byte. */
export function withOrderedFonts(xlsx: Uint8Array): Uint8Array<ArrayBuffer> {
  const parts = unzipSync(xlsx);
  const styles = parts['xl/styles.xml'];
  if (styles) parts['xl/styles.xml'] = strToU8(orderFontChildren(strFromU8(styles)));
  return zipSync(parts, { level: 6 }) as Uint8Array<ArrayBuffer>;
}
