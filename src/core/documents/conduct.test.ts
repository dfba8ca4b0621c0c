/** The report says what was assessed and how, gives the assessor's conclusion, and prints the management statement apart from it. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { plainXml } from '../../../test/fixtures/docxText';
import type { Conduct } from '../records/conduct';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { buildDocument, packDocument } from './build';

const { snapshot } = sampleSnapshot(catalogue2024(), new Date('2026-06-15T09:00:00Z'));
const conduct = snapshot.assessment.conduct!;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&apos;': "'", '&lt;': '<', '&gt;': '>' };
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&(amp|quot|apos|lt|gt);/g, (e) => ENTITIES[e]!)).join('');

async function reportText(s: WorkbookSnapshot): Promise<string> {
  const files = unzipSync(await packDocument(buildDocument(s, 'report', {})));
  return textOf(plainXml(strFromU8(files['word/document.xml']!)));
}

const withConduct = (c: Conduct | undefined): WorkbookSnapshot => {
  const { conduct: _c, ...assessment } = snapshot.assessment;
  return { ...snapshot, assessment: c ? { ...assessment, conduct: c } : assessment };
};

describe('conduct and scope in the report', () => {
  it('prints the sample’s system under consideration: boundary, zones and conduits, exclusions, referenced evidence by ID and title', async () => {
    const text = await reportText(snapshot);
    expect(text).toContain(conduct.boundary);
    for (const zone of conduct.zones!)
      expect(text).toContain(`${zone.name}${zone.kind === 'zone' ? 'Zone' : 'Conduit'}${zone.description}`);
    expect(text).toContain('4 zones and 3 conduits.');
    expect(text).toContain(conduct.exclusions);
    expect(text).toContain('EV-0006 Zone and conduit drawing, Riverside plant');
    expect(text).toContain('EV-0005 Firewall rule review, DMZ and SCADA boundaries');
  });

  it('prints how the assessment was conducted: team with independence, interviewees, documents, fieldwork, sampling, limitations', async () => {
    const text = await reportText(snapshot);
    expect(text).toContain('Samuel AchterbergAssessor (corporate internal audit)Internal, independent of the area assessed');
    expect(text).toContain('Dana WhitfieldLead assessor (OT security lead)Internal');
    expect(text).toContain('1 of 3 team members is independent of the area assessed or external to the organization.');
    for (const person of conduct.interviewees!) expect(text).toContain(`${person.name}${person.role}`);
    for (const document of conduct.documentsReviewed!) expect(text).toContain(document);
    expect(text).toContain(`Fieldwork: ${conduct.fieldworkStart} to ${conduct.fieldworkEnd}`);
    expect(text).not.toContain('outside the assessment period');
    expect(text).toContain(conduct.sampling);
    expect(text).toContain(conduct.limitations);
  });

  it('places the conclusion after the executive summary, the system and conduct after the scope, and the management statement on its own after the plan', async () => {
    const text = await reportText(snapshot);
    const [firstParagraph] = conduct.conclusion!.split('\n\n');
    const at = (s: string) => {
      const i = text.indexOf(s);
      expect(i, s).toBeGreaterThan(-1);
      return i;
    };
    expect(at('The largest gaps between target and achieved level')).toBeLessThan(at(firstParagraph!));
    expect(at(firstParagraph!)).toBeLessThan(at('are in the scope of this assessment'));
    expect(at('are in the scope of this assessment')).toBeLessThan(at(conduct.boundary!));
    expect(at(conduct.boundary!)).toBeLessThan(at(conduct.sampling!));
    expect(at(conduct.sampling!)).toBeLessThan(at('Each requirement was assessed by the organization itself'));
    expect(at('The actions the organization has committed to')).toBeLessThan(at(conduct.managementStatement!));
    expect(text).toContain('The conclusion of the assessment team, as recorded in the workbook.');
    expect(text).toContain(
      'This section is the statement of North Valley Water Authority’s management in response to this assessment: its own words and commitments. It is not part of the assessment team’s conclusion and does not change it.',
    );
  });

  it('says in one sentence what was not recorded, with no empty tables', async () => {
    const text = await reportText(withConduct(undefined));
    expect(text).toContain('No system under consideration was recorded for this assessment');
    expect(text).toContain('How this assessment was conducted was not recorded');
    expect(text).toContain('No conclusion was recorded.');
    expect(text).toContain('No management statement was recorded.');
    expect(text).not.toContain('What it holds or carries');
    expect(text).not.toContain('Role in the assessment');
  });

  it('names what is missing within a partly recorded conduct, flags fieldwork outside the period and evidence no longer held', async () => {
    const text = await reportText(
      withConduct({ boundary: '   ', zones: [], evidenceIds: ['EV-0099'], fieldworkStart: '2025-12-01', team: [], conclusion: ' ' }),
    );
    expect(text).toContain('No boundary was recorded.');
    expect(text).toContain('No zones or conduits were recorded.');
    expect(text).toContain('EV-0099 (no longer in the workbook)');
    expect(text).toContain('Fieldwork: 2025-12-01 to an end not recorded');
    expect(text).toContain('The fieldwork falls partly or wholly outside the assessment period (2026-01-01 to 2026-12-31).');
    expect(text).toContain('No assessment team was recorded.');
    expect(text).toContain('Sampling approach: not recorded.');
    expect(text).toContain('No conclusion was recorded.');
  });

  it('prints an evidence ID among the documents reviewed with its title', async () => {
    const text = await reportText(withConduct({ documentsReviewed: ['EV-0004', 'Site visit notes'] }));
    expect(text).toContain('EV-0004 Control system asset inventory (quarterly export)');
    expect(text).toContain('Site visit notes');
  });
});
