import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

const protocol = vi.hoisted(() => ({ registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }));
vi.mock('electron', () => ({ protocol }));
const { registerAppScheme, serveAppScheme } = await import('./protocol');

describe('the app:// scheme', () => {
  it('is standard and secure, and never bypasses the CSP', () => {
    registerAppScheme();
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls.at(-1)!;
    expect(schemes).toHaveLength(1);
    expect(schemes[0].scheme).toBe('app');
    expect(schemes[0].privileges).not.toHaveProperty('bypassCSP');
    // Every privilege is a decision; a new one is reviewed here.
    expect(schemes[0].privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
  });

  it('sends the strict CSP with every response, found or not', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'csms-protocol-'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
    serveAppScheme(root);
    const [scheme, handler] = protocol.handle.mock.calls.at(-1)!;
    expect(scheme).toBe('app');
    for (const url of ['app://workbook/index.html', 'app://workbook/missing.js', 'app://evil/index.html']) {
      const response: Response = await handler(new Request(url));
      const csp = response.headers.get('Content-Security-Policy');
      expect(csp).toBe(CONTENT_SECURITY_POLICY);
      expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
      expect(csp).toContain("default-src 'none'");
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });
});
