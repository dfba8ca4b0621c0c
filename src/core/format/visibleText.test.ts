import { describe, expect, it } from 'vitest';
import { hasVisibleText, visibleText } from './visibleText';

describe('visibleText', () => {
  it('takes the right-to-left override out, so a spoofed marking prints as what it is', () => {
    expect(visibleText('TLP:\u202EDER')).toBe('TLP:DER');
    expect(visibleText('\u2067TLP:RED\u2069\u200F')).toBe('TLP:RED');
  });

  it('removes zero-width, invisible and variation characters', () => {
    expect(visibleText('TLP:\u200BAM\u200DBER\uFEFF\u00AD\u2060')).toBe('TLP:AMBER');
    expect(visibleText('Con\u180Efi\u034Fdential\uFE0F')).toBe('Confidential');
    expect(visibleText('RED\u{E0041}\u{E0042}\u{E0100}')).toBe('RED');
  });

  it('makes line breaks, tabs and blank-looking characters one space and removes control characters', () => {
    expect(visibleText('  TLP:\n\tAMBER\u0007 \u3164 +STRICT\u00A0 ')).toBe('TLP: AMBER +STRICT');
  });

  it('folds runs of spaces and trims plain text too', () => {
    expect(visibleText('  TLP:   AMBER  ')).toBe('TLP: AMBER');
  });

  it('keeps letters of every script as they are', () => {
    expect(visibleText('سري للغاية')).toBe('سري للغاية');
    expect(visibleText('社外秘')).toBe('社外秘');
  });
});

describe('hasVisibleText', () => {
  it('says there is nothing to see in a zero-width space, spaces or bidi marks alone', () => {
    for (const blank of ['\u200B', '   ', '\u202E\u202C', '\u3164', '\uFE0F', '', '\u2800\u00AD'])
      expect(hasVisibleText(blank)).toBe(false);
  });

  it('says there is something to see in a one-letter marking', () => {
    expect(hasVisibleText('\u200BX')).toBe(true);
  });
});
