import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isAppUrl } from './trustedUrl';

describe('isAppUrl', () => {
  it('accepts the app origin and its files', () => {
    expect(isAppUrl('app://workbook/index.html')).toBe(true);
    expect(isAppUrl('app://workbook/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('APP://WORKBOOK/index.html')).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://example.com',
    'http://workbook/index.html',
    'app://evil/index.html',
    'app://workbook.evil.com/index.html',
    'app://evil.com/workbook',
    'app://workbook@evil.com/',
    'app://user:pass@workbook/',
    'app://workbook:8080/index.html',
    'https://app.workbook/',
    'data:text/html,<script>1</script>',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('allows app files, app blobs, data URLs and devtools', () => {
    expect(isAllowedRequest('app://workbook/assets/font.woff2')).toBe(true);
    expect(isAllowedRequest('blob:app://workbook/6c1e1bd6-1f4e-4c55-9f7a-3e1d8e8ad3c1')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it.each([
    'https://example.com/telemetry',
    'http://127.0.0.1:5173/',
    'ws://localhost:9229',
    'file:///C:/Windows/win.ini',
    'ftp://example.com',
    'blob:https://example.com/6c1e1bd6',
    'app://evil/x.js',
    'chrome-extension://abc/x.js',
  ])('cancels %s', (url) => {
    expect(isAllowedRequest(url)).toBe(false);
  });
});
