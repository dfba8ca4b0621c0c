/**
 * Native Word charts (DrawingML charts with their data in an embedded workbook), so an auditor can
 * open the chart's data in Word: a radar of the program elements and bars for each element.
 */
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import { ChartRun } from 'docx/charts';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { nextCaption, runs } from './blocks';
import { COLORS, FONT, SIZES } from './styles';
import { oneLine } from './text';

const LEVEL_AXIS = { minimum: 0, maximum: 4, interval: 1, numberFormat: '0' } as const;

/**
 * The chart with its caption "Figure N: …" under it, in the one paragraph so the two never part
 * across a page. Outside a numbered part of a document the chart stands without a caption.
 */
function chartParagraph(run: ChartRun, caption: string): Paragraph {
  const numbered = nextCaption('Figure', caption);
  // Single spacing with an explicit rule: some readers take a bare line height as exact and clip the chart.
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 120, line: 240, lineRule: LineRuleType.AUTO },
    children: [
      run,
      ...(numbered ? runs(`\n${numbered}`, { bold: true, size: SIZES.small, color: COLORS.heading }).filter((_, i) => i > 0) : []),
    ],
  });
}

/** Mean achieved against mean target for each SPE in scope. */
export function speRadar(snapshot: WorkbookSnapshot): Paragraph {
  const spes = snapshot.catalogue.spes.filter((s) => snapshot.assessment.scope.includes(s.id));
  const rollups = spes.map((s) => snapshot.scores.spes[s.id]);
  const achieved = rollups.map((r) => r?.meanAchieved ?? null);
  const target = rollups.map((r) => r?.meanTarget ?? snapshot.assessment.defaultTargetLevel);
  const describe = spes.map((s, i) => `${s.id} ${achieved[i] ?? 'not assessed'} of ${target[i]}`).join('; ');
  return chartParagraph(
    new ChartRun({
      type: 'radar',
      title: { text: 'Mean maturity level by program element', font: { size: 12, bold: true, color: COLORS.heading } },
      categories: spes.map((s) => oneLine(s.id)),
      series: [
        { name: 'Mean target', values: target, color: COLORS.target, line: { width: 1.5, dash: 'dash' } },
        { name: 'Mean achieved', values: achieved, color: COLORS.accent, line: { width: 2.25 } },
      ],
      markers: { shape: 'circle', size: 5 },
      valueAxis: LEVEL_AXIS,
      legend: { position: 'bottom' },
      font: { name: FONT },
      transformation: { width: 520, height: 380 },
      altText: {
        name: 'Radar chart of maturity by program element',
        description: `Mean achieved maturity level against mean target, per program element: ${describe}.`,
      },
    }),
    'Mean maturity level by program element',
  );
}

/** Mean achieved and mean target for every element in scope, as horizontal bars. */
export interface LevelBars {
  title: string;
  categories: string[];
  series: { name: string; values: (number | null)[]; color: string }[];
  width: number;
  height: number;
  altText: { name: string; description: string };
}

/** Horizontal bars on the ML0–ML4 scale, the first category at the top as in the tables beside them. */
export function levelBars(bars: LevelBars): Paragraph {
  return chartParagraph(
    new ChartRun({
      type: 'bar',
      title: { text: bars.title, font: { size: 12, bold: true, color: COLORS.heading } },
      categories: bars.categories,
      series: bars.series,
      categoryAxis: { reverseOrder: true, font: { size: 8 } },
      valueAxis: { ...LEVEL_AXIS, crossesAt: 'maximum' },
      gapWidth: 60,
      legend: { position: 'bottom' },
      font: { name: FONT },
      transformation: { width: bars.width, height: bars.height },
      altText: bars.altText,
    }),
    bars.title,
  );
}

/** Mean achieved against mean target for each element in scope. */
export function elementBars(snapshot: WorkbookSnapshot): Paragraph {
  const elements = snapshot.catalogue.spes.filter((s) => snapshot.assessment.scope.includes(s.id)).flatMap((s) => s.elements);
  const rollups = elements.map((e) => snapshot.scores.elements[e.id]);
  return levelBars({
    title: 'Mean maturity level by element',
    categories: elements.map((e) => oneLine(e.id)),
    series: [
      { name: 'Mean achieved', values: rollups.map((r) => r?.meanAchieved ?? null), color: COLORS.accent },
      { name: 'Mean target', values: rollups.map((r) => r?.meanTarget ?? snapshot.assessment.defaultTargetLevel), color: COLORS.target },
    ],
    width: 600,
    height: Math.max(260, 60 + elements.length * 24),
    altText: {
      name: 'Bar chart of maturity by element',
      description: `Mean achieved maturity level against mean target for each of ${elements.length} elements; elements not yet assessed have no achieved bar.`,
    },
  });
}
