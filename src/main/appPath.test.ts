import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppPath } from './appPath';

const root = path.resolve('/opt/csms/renderer');

describe('resolveAppPath', () => {
  it('maps app files into the renderer folder', () => {
    expect(resolveAppPath('app://workbook/assets/index.js', root)).toBe(path.join(root, 'assets/index.js'));
    expect(resolveAppPath('app://workbook/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://workbook/assessment/overview', root)).toBe(path.join(root, 'index.html'));
  });

  it.each(['app://workbook/../secret.txt', 'app://workbook/%2e%2e/%2e%2e/etc/passwd.txt', 'app://workbook/assets/../../../x.js'])(
    'keeps %s inside the renderer folder',
    (url) => {
      const file = resolveAppPath(url, root);
      expect(file === null || file.startsWith(root + path.sep)).toBe(true);
    },
  );

  it.each([
    'app://workbook/assets/..%2F..%2Fetc%2Fpasswd.txt',
    'app://workbook/assets/..%5C..%5Cwin.ini',
    'app://workbook/a%00.js',
    'app://evil/index.html',
    'file:///etc/passwd',
    'app://workbook/%E0%A4%A.js',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer ships', () => {
    expect(contentTypeFor('index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('a.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('unknown.bin')).toBe('application/octet-stream');
  });
});
