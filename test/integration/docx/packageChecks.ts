/**
 * Structural checks on the .docx package that Word enforces but a schema validator may not: every table
 * cell holds a paragraph and ends with one, no character XML forbids, every relationship resolves, every
 * part has a content type, and every chart is referenced from the document and typed as a chart.
 */
import { unzipSync } from 'fflate';

const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';

export interface DocxPackage {
  parts: Record<string, Uint8Array>;
  xml(name: string): string;
}

export function openPackage(bytes: Uint8Array): DocxPackage {
  const parts = unzipSync(bytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return {
    parts,
    xml(name) {
      const part = parts[name];
      if (!part) throw new Error(`the package has no ${name}`);
      return decoder.decode(part);
    },
  };
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Table cells without a paragraph, or not ending with one, as "cell N: reason". */
export function cellProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: { name: string; hasP: boolean; last: string }[] = [];
  let cells = 0;
  for (const match of xml.matchAll(/<(\/?)([A-Za-z_][\w.-]*:?[\w.-]*)(?:\s[^>]*?)?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) return [`unbalanced XML near </${name}>`];
      if (name === 'w:tc') {
        cells += 1;
        if (!open.hasP) problems.push(`cell ${cells}: no <w:p>`);
        else if (open.last !== 'w:p') problems.push(`cell ${cells}: ends with <${open.last}>, not <w:p>`);
      }
      continue;
    }
    const parent = stack.at(-1);
    if (parent?.name === 'w:tc' && name !== 'w:tcPr') {
      parent.last = name!;
      if (name === 'w:p') parent.hasP = true;
    }
    if (!selfClosing) stack.push({ name: name!, hasP: false, last: '' });
  }
  return problems;
}

/** Characters XML 1.0 does not allow, raw or as character references. */
export function forbiddenCharacters(xml: string): string[] {
  const found: string[] = [];
  // eslint-disable-next-line no-control-regex -- these are the characters being looked for
  for (const m of xml.matchAll(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g))
    found.push(`U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}`);
  for (const m of xml.matchAll(/&#(x[0-9a-fA-F]+|\d+);/g)) {
    const code = m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : Number(m[1]);
    if ((code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) || code === 0xfffe || code === 0xffff)
      found.push(`${m[0]} at ${m.index}`);
  }
  return found.slice(0, 10);
}

function resolveTarget(relsName: string, target: string): string {
  // word/_rels/document.xml.rels → relative to word/; _rels/.rels → relative to the root.
  const base = relsName.replace(/_rels\/[^/]*\.rels$/, '');
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

/** Relationships pointing nowhere, parts without a content type, and charts not wired up. */
export function packageProblems(pkg: DocxPackage): { problems: string[]; charts: number } {
  const problems: string[] = [];
  const types = pkg.xml('[Content_Types].xml');
  const defaults = new Map(
    [...types.matchAll(/<Default\b[^>]*>/g)].map((m) => [attr(m[0], 'Extension')!.toLowerCase(), attr(m[0], 'ContentType')!]),
  );
  const overrides = new Map(
    [...types.matchAll(/<Override\b[^>]*>/g)].map((m) => [attr(m[0], 'PartName')!.replace(/^\//, ''), attr(m[0], 'ContentType')!]),
  );
  const typeOf = (part: string) => overrides.get(part) ?? defaults.get(part.split('.').pop()!.toLowerCase());
  for (const part of Object.keys(pkg.parts)) {
    if (part.endsWith('/')) continue;
    if (part !== '[Content_Types].xml' && !typeOf(part)) problems.push(`${part} has no content type`);
  }
  for (const part of overrides.keys())
    if (!pkg.parts[part]) problems.push(`[Content_Types].xml names ${part}, which is not in the package`);

  const chartParts = Object.keys(pkg.parts).filter((p) => /^word\/charts\/chart[^/]*\.xml$/.test(p));
  const referencedCharts = new Set<string>();
  for (const rels of Object.keys(pkg.parts).filter((p) => p.endsWith('.rels'))) {
    const owner = rels.replace(/_rels\/([^/]*)\.rels$/, '$1');
    const ownerXml = pkg.parts[owner] ? pkg.xml(owner) : '';
    for (const m of pkg.xml(rels).matchAll(/<Relationship\b[^>]*>/g)) {
      if (attr(m[0], 'TargetMode') === 'External') continue;
      const id = attr(m[0], 'Id')!;
      const target = resolveTarget(rels, attr(m[0], 'Target')!);
      if (!pkg.parts[target]) problems.push(`${rels}: ${id} points to ${target}, which is not in the package`);
      if (attr(m[0], 'Type') === CHART_REL) {
        if (!new RegExp(`r:id="${id}"`).test(ownerXml)) problems.push(`${owner} does not use its chart relationship ${id}`);
        else referencedCharts.add(target);
      }
    }
  }
  for (const chart of chartParts) {
    if (typeOf(chart) !== CHART_TYPE) problems.push(`${chart} is typed ${typeOf(chart) ?? 'nothing'}, not ${CHART_TYPE}`);
    if (!referencedCharts.has(chart)) problems.push(`${chart} is not referenced from the document`);
  }
  return { problems, charts: chartParts.length };
}
