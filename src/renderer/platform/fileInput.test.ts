import { describe, expect, it } from 'vitest';
import { acceptAttribute, checkPicked } from './fileInput';

describe('picking files', () => {
  it('turns the filters into the accept attribute, or none when any file goes', () => {
    expect(acceptAttribute([{ name: 'Catalogue', extensions: ['yaml', 'yml'] }])).toBe('.yaml,.yml');
    expect(
      acceptAttribute([
        { name: 'Any', extensions: ['*'] },
        { name: 'Y', extensions: ['yaml'] },
      ]),
    ).toBe('');
    expect(acceptAttribute([])).toBe('');
  });

  it('refuses the whole selection when one file is over the limit, naming it and both sizes', () => {
    const small = new File(['x'], 'small.txt');
    const big = new File([new Uint8Array(2048)], 'big.bin');
    expect(checkPicked([small, big], 1024)).toEqual({
      ok: false,
      error: '"big.bin" is 2.0 KiB, larger than the limit of 1.0 KiB. Nothing was added.',
    });
    expect(checkPicked([small], 1024)).toEqual({ ok: true, value: [{ name: 'small.txt', type: 'application/octet-stream', blob: small }] });
  });
});
