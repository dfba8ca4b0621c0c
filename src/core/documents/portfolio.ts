/**
 * The portfolio summary: many sites side by side, built like the other documents (cover, marking on
 * every page, page setup, native chart). It prints the figures of a portfolio computed from the sites'
 * records just before; nothing in it is read from a stored figure.
 */
import { AlignmentType, Document, HeadingLevel, Paragraph, TextRun, type FileChild } from 'docx';
import { STATUS_LABELS } from '../records/lifecycle';
import { SCORING_RULES } from '../scoring/method';
import type { Rollup } from '../scoring/score';
import { portfolioMarking, type Portfolio, type PortfolioSite } from '../portfolio/aggregate';
import { bullet, note, Outline, para } from './blocks';
import { levelBars } from './charts';
import { section, TEXT_WIDTH, type PageContext } from './pageSetup';
import { COLORS, DOCUMENT_STYLES, SIZES, STYLE_IDS } from './styles';
import { dataTable, keyValueTable, type CellValue } from './tables';
import { dateTime, day, EMPTY, levelLabel, meanLevel, oneLine, plural } from './text';

export const PORTFOLIO_TITLE = 'Portfolio summary';

export interface PortfolioDocumentOptions {
  /** The marking on every page; empty: the sites' own. */
  classification: string;
  generatedAt: string;
  app: { name: string; version: string };
}

/** Said when neither the person saving nor any bundle gives a marking: a summary is never printed unmarked. */
export const NO_MARKING_MESSAGE = 'The summary needs a classification marking: give the one it is to carry (the bundles read carry none).';
const WIDTH = TEXT_WIDTH.landscape;

const siteLabel = (s: PortfolioSite) => oneLine(s.siteName) || '(site not recorded)';
const organizations = (p: Portfolio) => [...new Set(p.sites.map((s) => oneLine(s.organization)).filter(Boolean))];

/** "ML2 · 2.5": attained level and mean achieved level, as the screen shows them. */
export function speCellText(rollup: Rollup | null): string {
  if (!rollup) return 'not in scope';
  if (rollup.attained === null) return 'not assessed';
  return `${levelLabel(rollup.attained)} · ${meanLevel(rollup.meanAchieved)}`;
}

function cover(portfolio: Portfolio, page: PageContext, options: PortfolioDocumentOptions): FileChild[] {
  const catalogues = [...new Set(portfolio.sites.map((s) => oneLine(s.catalogue.edition)))];
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { after: 1800 },
      children: [new TextRun({ text: oneLine(page.classification), bold: true, color: COLORS.marking, size: 28 })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(PORTFOLIO_TITLE)] }),
    new Paragraph({
      spacing: { after: 480 },
      children: [
        new TextRun({ text: `${plural(portfolio.sites.length, 'site')} side by side`, size: SIZES.subtitle, color: COLORS.heading }),
      ],
    }),
    keyValueTable(
      [
        ['Organization', organizations(portfolio).join('; ') || 'Not recorded'],
        ['Sites', portfolio.sites.map(siteLabel).join('; ') || EMPTY],
        ['Overdue judged on', day(portfolio.asOf)],
        ['Requirement catalogue', catalogues.join('; ') || '—'],
        ['Document version', `Generated ${dateTime(options.generatedAt)}`],
        ['Classification', oneLine(page.classification)],
      ],
      TEXT_WIDTH.portrait,
    ),
    para('', { spacingAfter: 240 }),
    para(
      'This summary sets the latest (or the chosen) assessment of each site beside the others: where each program element stands, the requirements below target at the most sites, and the actions overdue at each site. Every figure was computed from the records in the sites’ bundles when the summary was made.',
      { style: STYLE_IDS.small },
    ),
    para(
      `Produced with ${oneLine(options.app.name)} ${oneLine(options.app.version)}. Handle and share this document according to its classification marking.`,
      { style: STYLE_IDS.small },
    ),
  ];
}

function sitesTable(portfolio: Portfolio): FileChild {
  return dataTable(
    [
      { header: 'Site', weight: 14 },
      { header: 'Organization', weight: 14 },
      { header: 'Assessment', weight: 18 },
      { header: 'Period', weight: 13 },
      { header: 'Status', weight: 9 },
      { header: 'Change log', weight: 18 },
      { header: 'Bundle', weight: 14 },
    ],
    portfolio.sites.map((s): CellValue[] => [
      { text: siteLabel(s), bold: true },
      oneLine(s.organization) || '—',
      `${oneLine(s.assessment.name)}${s.named ? ' (chosen)' : ' (latest)'}`,
      `${day(s.assessment.periodStart)} to ${day(s.assessment.periodEnd)}`,
      STATUS_LABELS[s.assessment.status],
      s.logVerified ? 'Verified' : `Not verified: ${oneLine(s.logProblem) || 'the chain does not hold'}`,
      oneLine(s.fileName),
    ]),
    WIDTH,
  );
}

function maturityTable(portfolio: Portfolio): FileChild {
  return dataTable(
    [
      { header: 'Site', weight: 16 },
      ...portfolio.spes.map((r) => ({ header: oneLine(r.speId), weight: 10 })),
      { header: 'Overall', weight: 10 },
    ],
    portfolio.sites.map((s, i): CellValue[] => [
      { text: siteLabel(s), bold: true },
      ...portfolio.spes.map((r) => speCellText(r.cells[i] ?? null)),
      speCellText(s.overall),
    ]),
    WIDTH,
  );
}

function siteChart(portfolio: Portfolio): Paragraph {
  const sites = portfolio.sites;
  const describe = sites
    .map((s) => `${siteLabel(s)} ${s.overall.meanAchieved ?? 'not assessed'} of ${s.overall.meanTarget ?? '—'}`)
    .join('; ');
  return levelBars({
    title: 'Mean maturity level by site',
    categories: sites.map(siteLabel),
    series: [
      { name: 'Mean achieved', values: sites.map((s) => s.overall.meanAchieved), color: COLORS.accent },
      { name: 'Mean target', values: sites.map((s) => s.overall.meanTarget), color: COLORS.target },
    ],
    width: 640,
    height: Math.max(240, 70 + sites.length * 26),
    altText: {
      name: 'Bar chart of maturity by site',
      description: `Mean achieved maturity level against mean target for each site: ${describe}.`,
    },
  });
}

function belowTarget(portfolio: Portfolio, outline: Outline): FileChild[] {
  const { rows, more, total } = portfolio.belowTarget;
  const out: FileChild[] = [
    outline.heading(1, 'Requirements below target at the most sites'),
    para(
      total === 0
        ? 'No assessed requirement is below its target at any site.'
        : `${plural(total, 'requirement')} ${total === 1 ? 'is' : 'are'} below target at one site or more. Those below target at the most sites come first; requirements tied with the last one listed are all listed.`,
    ),
  ];
  if (total === 0) return out;
  out.push(
    dataTable(
      [
        { header: 'Requirement', weight: 10 },
        { header: 'Title', weight: 34 },
        { header: 'Sites', weight: 8 },
        { header: 'Below target at', weight: 48 },
      ],
      rows.map((r): CellValue[] => [
        { text: oneLine(r.requirementId), bold: true },
        oneLine(r.title),
        `${r.sites.length} of ${portfolio.sites.length}`,
        r.sites.map(oneLine).join(', '),
      ]),
      WIDTH,
    ),
  );
  if (more > 0)
    out.push(note(`${plural(more, 'further requirement')} ${more === 1 ? 'is' : 'are'} below target at fewer sites and not listed here.`));
  return out;
}

function overdue(portfolio: Portfolio, outline: Outline): FileChild[] {
  const out: FileChild[] = [
    outline.heading(1, 'Overdue actions by site'),
    para(`Open actions due before ${day(portfolio.asOf)}, earliest first.`),
  ];
  for (const s of portfolio.sites) {
    out.push(outline.heading(2, `${siteLabel(s)}: ${plural(s.overdue.length, 'overdue action')}`));
    if (!s.overdue.length) continue;
    out.push(
      dataTable(
        [
          { header: 'Due', weight: 10 },
          { header: 'Requirement', weight: 11 },
          { header: 'Action', weight: 49 },
          { header: 'Owner', weight: 18 },
          { header: 'Priority', weight: 12 },
        ],
        s.overdue.map((a): CellValue[] => [
          day(a.dueDate),
          oneLine(a.requirementId),
          oneLine(a.description),
          oneLine(a.owner) || '—',
          a.priority,
        ]),
        WIDTH,
      ),
    );
  }
  return out;
}

function body(portfolio: Portfolio, outline: Outline): FileChild[] {
  const out: FileChild[] = [
    outline.heading(1, 'Sites'),
    para(
      `${plural(portfolio.sites.length, 'site')}, each from its own bundle. A change log marked verified vouches for every record its bundle holds; one that is not verified is shown with the reason, and its figures should be confirmed with the site.`,
    ),
    sitesTable(portfolio),
  ];
  if (portfolio.leftOut.length) {
    out.push(para('Left out of this summary:', { bold: true, spacingBefore: 120 }));
    for (const l of portfolio.leftOut)
      out.push(bullet(`${oneLine(l.fileName)}${l.siteName ? ` (${oneLine(l.siteName)})` : ''}: ${oneLine(l.reason)}.`));
  }
  out.push(
    outline.heading(1, 'Maturity by program element'),
    para(
      'Each cell gives the attained level (the lowest achieved level among the assessed requirements) and the mean achieved level of the assessed requirements. “Not assessed” means no requirement of the element has been assessed yet; “not in scope” that the assessment leaves it out.',
    ),
    maturityTable(portfolio),
    siteChart(portfolio),
    ...belowTarget(portfolio, outline),
    ...overdue(portfolio, outline),
    outline.heading(1, 'How the figures are computed'),
    ...SCORING_RULES.map((rule) => bullet(rule)),
  );
  return out;
}

export function buildPortfolioDocument(portfolio: Portfolio, options: PortfolioDocumentOptions): Document {
  const classification = oneLine(options.classification) || oneLine(portfolioMarking(portfolio));
  if (!classification) throw new Error(NO_MARKING_MESSAGE);
  const page: PageContext = { title: PORTFOLIO_TITLE, classification, organization: organizations(portfolio).join('; ') };
  const outline = new Outline();
  return new Document({
    title: `${PORTFOLIO_TITLE}: ${plural(portfolio.sites.length, 'site')}`,
    creator: oneLine(options.app.name),
    description: `${PORTFOLIO_TITLE} of ${page.organization || 'several sites'}. ${classification}.`,
    keywords: `${classification}; IEC 62443-2-1; CSMS; portfolio`,
    styles: DOCUMENT_STYLES,
    sections: [section(page, 'portrait', cover(portfolio, page, options)), section(page, 'landscape', body(portfolio, outline))],
  });
}

export function portfolioFileName(asOf: string): string {
  return `portfolio-summary_${day(asOf)}.docx`;
}
