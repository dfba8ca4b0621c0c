import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Requirement } from '../../core/catalogue/types';
import { GuidancePanel } from './GuidancePanel';

const BASE: Requirement = {
  id: 'NET 3.1',
  title: 'A requirement for the test',
  status: 'confirmed',
  titleDoubtful: false,
  intent: 'What the requirement is for, in the catalogue’s words.',
  questions: ['Is it done?'],
  evidence: ['A record'],
  mappings: { iec62443_3_3: ['SR 5.1', 'SR 5.2'], iec62443_3_3Doubtful: ['SR 5.2'], nistCsf2: ['PR.IR'] },
  elementId: 'NET 3',
  speId: 'NET',
};

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('GuidancePanel', () => {
  it('is headed as our reading and labels its mappings informative, flagging doubtful SRs', () => {
    const html = renderToStaticMarkup(<GuidancePanel requirement={BASE} official={undefined} catalogueId="iec-62443-2-1-2024" />);
    expect(html).toContain('<h2 id="guidance-title">Our reading of this requirement</h2>');
    expect(html).toContain('Mappings (informative)');
    expect(text(html)).toContain('62443-3-3 SRs from public sources SR 5.1 , SR 5.2 (doubtful)');
    expect(text(html)).toContain('NIST CSF 2.0 (our mapping) PR.IR');
    expect(html).not.toContain('reading-doubt');
  });

  it('shows a doubt about the reading as a marked note with every alternative', () => {
    const requirement = {
      ...BASE,
      readingDoubt: { note: 'The scope is read narrowly.', alternatives: ['Read it widely.', 'Read it for sites only.'] },
    };
    const html = renderToStaticMarkup(<GuidancePanel requirement={requirement} official={undefined} catalogueId="iec-62443-2-1-2024" />);
    expect(html).toContain('role="note"');
    expect(text(html)).toContain('Our reading is uncertain. The scope is read narrowly.');
    expect(text(html)).toContain('Read it widely. Read it for sites only.');
  });
});
