import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { buildDocument, packDocument, resolveOptions, type DocumentKind, type DocumentOptions } from './build';
import { chooseMarking, effectiveMarking, markingNotices, markingOf, rankOf } from './marking';

const ev = (id: string, classification: string) => ({ id, classification });

describe('rankOf', () => {
  it('ranks TLP 2.0 markings in order, whatever the case and spacing, with WHITE as CLEAR', () => {
    const levels = ['tlp:clear', 'TLP: GREEN', 'TLP:Amber', 'TLP:AMBER + STRICT', 'TLP:RED'].map((m) => rankOf(m)?.level);
    expect(levels).toEqual([0, 1, 2, 3, 4]);
    expect(rankOf('TLP:WHITE')?.level).toBe(rankOf('TLP:CLEAR')?.level);
  });

  it('ranks the common company levels, and knows nothing of a marking of its own making', () => {
    const levels = ['public', 'Internal', 'CONFIDENTIAL', 'Restricted', 'Strictly confidential'].map((m) => rankOf(m)?.level);
    expect(levels).toEqual([0, 1, 2, 3, 4]);
    expect(rankOf('Company sensitive')).toBeNull();
  });
});

describe('effectiveMarking', () => {
  it('raises an AMBER document to RED when an included evidence item is marked RED, naming it', () => {
    const decision = effectiveMarking('TLP:AMBER', [
      ev('EV-0001', 'TLP:GREEN'),
      ev('EV-0003', 'tlp:red'),
      ev('EV-0004', 'TLP:AMBER+STRICT'),
    ]);
    expect(decision).toEqual({ marking: 'TLP:RED', chosen: 'TLP:AMBER', raisedBy: ['EV-0003'], unranked: [] });
    expect(markingNotices(decision)).toEqual([
      'The marking was raised from TLP:AMBER to TLP:RED because evidence item EV-0003 is marked TLP:RED.',
    ]);
  });

  it('keeps the chosen marking when no evidence is marked higher, and ignores evidence with no marking', () => {
    const decision = effectiveMarking('TLP:AMBER', [ev('EV-0001', 'TLP:GREEN'), ev('EV-0002', ''), ev('EV-0003', 'TLP:Amber')]);
    expect(decision).toEqual({ marking: 'TLP:AMBER', chosen: 'TLP:AMBER', raisedBy: [], unranked: [] });
    expect(markingNotices(decision)).toEqual([]);
  });

  it('names markings of another scheme that cannot be compared instead of dropping them', () => {
    const decision = effectiveMarking('TLP:GREEN', [
      ev('EV-0002', 'Confidential'),
      ev('EV-0005', 'confidential'),
      ev('EV-0006', 'Board only'),
    ]);
    expect(decision.marking).toBe('TLP:GREEN');
    expect(decision.unranked).toEqual([
      { marking: 'Confidential', evidenceIds: ['EV-0002', 'EV-0005'] },
      { marking: 'Board only', evidenceIds: ['EV-0006'] },
    ]);
    const notices = markingNotices(decision);
    expect(notices[0]).toContain('EV-0002 and EV-0005 are marked “Confidential”, which cannot be compared with TLP:GREEN');
    expect(notices[1]).toContain('EV-0006 is marked “Board only”');
  });

  it('counts the raising items beyond the first few rather than listing thousands', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ev(`EV-${String(i + 1).padStart(4, '0')}`, 'Secret'));
    const decision = effectiveMarking('Internal', many);
    expect(decision.marking).toBe('Secret');
    expect(decision.raisedBy).toHaveLength(2000);
    expect(markingNotices(decision)[0]).toBe(
      'The marking was raised from Internal to Secret because evidence items EV-0001, EV-0002, EV-0003 and 1997 more are marked Secret.',
    );
  });

  it('compares the marking as shown, so an override cannot hide a RED item', () => {
    expect(effectiveMarking('TLP:GREEN', [ev('EV-0001', '\u202ETLP:\u200BRED')]).marking).toBe('TLP:RED');
    expect(markingOf({ classification: 'TLP:\u202EDER' })).toBe('TLP:DER');
  });
});

describe('chooseMarking', () => {
  it('takes the marking typed, as a reader sees it, else the organization’s', () => {
    expect(chooseMarking('TLP:\u202EDER', 'TLP:AMBER')).toEqual({ marking: 'TLP:DER' });
    expect(chooseMarking(undefined, ' TLP:AMBER ')).toEqual({ marking: 'TLP:AMBER' });
    expect(chooseMarking('', 'TLP:AMBER')).toEqual({ marking: 'TLP:AMBER' });
  });

  it('refuses a typed marking with nothing visible, one too long, and none at all', () => {
    expect(chooseMarking('\u200B', 'TLP:AMBER')).toEqual({ problem: 'invisible' });
    expect(chooseMarking('   ', 'TLP:AMBER')).toEqual({ problem: 'invisible' });
    expect(chooseMarking('x'.repeat(41), 'TLP:AMBER')).toEqual({ problem: 'too-long' });
    expect(chooseMarking(undefined, '\u200B')).toEqual({ problem: 'missing' });
    expect(chooseMarking('', '')).toEqual({ problem: 'missing' });
  });
});

const { snapshot } = sampleSnapshot(catalogue2024(), new Date('2026-06-15T09:00:00Z'));

async function parts(s: WorkbookSnapshot, kind: DocumentKind, options: Partial<DocumentOptions> = {}): Promise<Record<string, string>> {
  const files = unzipSync(await packDocument(buildDocument(s, kind, options)));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, name.endsWith('.xlsx') ? '' : strFromU8(data)]));
}
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const headersAndFooters = (p: Record<string, string>) =>
  Object.keys(p)
    .filter((n) => /^word\/(header|footer)\d+\.xml$/.test(n))
    .map((n) => p[n]!);

describe('the marking in the documents', () => {
  it('prints a right-to-left-override marking without the override, on the cover and every header and footer', async () => {
    const p = await parts(snapshot, 'soa', { classification: 'TLP:\u202EDER' });
    const all = [p['word/document.xml']!, ...headersAndFooters(p), p['docProps/core.xml']!].join('');
    expect(all).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/);
    for (const xml of headersAndFooters(p).filter((x) => x.includes('<w:t'))) expect(textOf(xml)).toContain('TLP:DER');
    expect(textOf(p['word/document.xml']!)).toContain('ClassificationTLP:DER');
  });

  it('raises an AMBER export to RED when included evidence is RED, with the notice on the cover and RED on every page', async () => {
    const red = snapshot.evidence[2]!;
    const raised = { ...snapshot, evidence: snapshot.evidence.map((e) => (e.id === red.id ? { ...e, classification: 'TLP:RED' } : e)) };
    const p = await parts(raised, 'plan', { classification: 'TLP:AMBER' });
    for (const xml of headersAndFooters(p).filter((x) => x.includes('<w:t'))) {
      expect(textOf(xml)).toContain('TLP:RED');
      expect(textOf(xml)).not.toContain('TLP:AMBER');
    }
    expect(textOf(p['word/document.xml']!)).toContain(
      `The marking was raised from TLP:AMBER to TLP:RED because evidence item ${red.id} is marked TLP:RED.`,
    );
  });

  it('names an evidence marking of another scheme on the cover and prints each item’s marking in the register', async () => {
    const odd = snapshot.evidence[0]!;
    const mixed = { ...snapshot, evidence: snapshot.evidence.map((e) => (e.id === odd.id ? { ...e, classification: 'Board only' } : e)) };
    const body = textOf((await parts(mixed, 'register', { classification: 'TLP:AMBER' }))['word/document.xml']!);
    expect(body).toContain(`Evidence item ${odd.id} is marked “Board only”, which cannot be compared with TLP:AMBER`);
    expect(body).toContain('Classification');
    expect(body).toContain('Board only');
  });

  it('resolves the same marking from the organization when none is chosen', () => {
    const resolved = resolveOptions(snapshot, {});
    expect(resolved.classification).toBe(snapshot.organization.classification);
    expect(resolveOptions(snapshot, resolved)).toEqual(resolved);
  });
});
