import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp } from './workbook';

let app: AppSession;

beforeEach(async () => {
  app = await launchApp();
});
afterEach(async () => {
  await app.close();
});
afterAll(stopServer);

function isOnOrigin(url: string, origin: string): boolean {
  if (url.startsWith('data:')) return true;
  if (url.startsWith('blob:')) return url.slice(5).startsWith(`${origin}/`);
  return new URL(url).origin === origin || url.startsWith(`${origin}/`);
}

describe('app shell', () => {
  it('loads and shows its frame: navigation, a screen and the status bar', async () => {
    const { page } = app;
    await expect(page.title()).resolves.toBe('CSMS Workbook');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    const links = await nav.getByRole('link').allTextContents();
    expect(links).toEqual([
      'Dashboard',
      'Assessment',
      'Evidence',
      'Remediation',
      'Compare',
      'Portfolio',
      'Change log',
      'Export',
      'Settings',
    ]);
    await page.getByRole('heading', { level: 1, name: 'Welcome to CSMS Workbook' }).waitFor();
    await ensureSetUp(page, 'Dashboard');
    await page.getByRole('link', { name: 'Evidence' }).click();
    // The screen loads on first use: wait for it rather than reading the heading at once.
    await page.getByRole('heading', { level: 1, name: 'Evidence', exact: true }).waitFor();
    expect(page.url()).toContain('#/evidence');
    await page
      .getByTestId('app-version')
      .getByText(/Version \d+\.\d+\.\d+ · data format 1/)
      .waitFor();
  });

  it('keeps every request on the app origin', async () => {
    const { page } = app;
    await ensureSetUp(page, 'Dashboard');
    const screens = {
      Assessment: 'Assessments',
      Evidence: 'Evidence',
      Remediation: 'Remediation plan',
      Compare: 'Compare assessments',
      Portfolio: 'Portfolio',
      'Change log': 'Change log',
      Export: 'Export',
      Settings: 'Settings',
      Dashboard: 'Dashboard',
    };
    for (const [link, heading] of Object.entries(screens)) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
    }
    await page.waitForLoadState('networkidle');
    expect(app.requests.length).toBeGreaterThan(3);
    const offOrigin = app.requests.filter((url) => !isOnOrigin(url, app.origin));
    expect(offOrigin).toEqual([]);
  });

  it('blocks an injected inline script and eval with its Content-Security-Policy', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.effectiveDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.appendChild(script);
      // A string handed to setTimeout is compiled like eval, from the page's own context.
      const compileLater = setTimeout as unknown as (code: string, ms: number) => void;
      compileLater('window.__evaluated = true', 0);
    });
    // Settled once both attempts were refused (each reports its violation) or one of them ran. Polled through
    // page.evaluate: page.waitForFunction evaluates its predicate with eval, which this very CSP refuses.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const w = window as unknown as Record<string, unknown> & { __violations: string[] };
            const refused = w.__violations.includes('script-src') && w.__violations.includes('script-src-elem');
            return refused || w.__injected === true || w.__evaluated === true;
          }),
        { timeout: 10_000 },
      )
      .toBe(true);
    const outcome = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown> & { __violations: string[] };
      return { injected: w.__injected === true, evaluated: w.__evaluated === true, violations: w.__violations };
    });
    expect({ injected: outcome.injected, evaluated: outcome.evaluated }).toEqual({ injected: false, evaluated: false });
    expect(outcome.violations).toContain('script-src');
    expect(outcome.violations).toContain('script-src-elem');
  });

  it('serves pages with the strict CSP header', async () => {
    const { page } = app;
    // A fresh URL, so the answer comes from the server and not from the cache.
    const response = await page.goto(`${app.origin}/?fresh=${Date.now()}`);
    const csp = (await response?.allHeaders())?.['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
  });
});
