import { describe, expect, it } from 'vitest';
import { orderFontChildren } from './fontOrder';

describe('font children in styles.xml', () => {
  it('are put in the schema order: size before colour, name before family and scheme', () => {
    const written =
      '<fonts count="2"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/></font></fonts>';
    expect(orderFontChildren(written)).toBe(
      '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/></font></fonts>',
    );
  });

  it('leave everything outside fonts as it is', () => {
    const other = '<cellXfs count="1"><xf numFmtId="14" fontId="0"/></cellXfs>';
    expect(orderFontChildren(other)).toBe(other);
  });
});
