// Workspace bench in real Chromium, with the bench workload in the app's own database: load to
// interactive, switching requirements (p50/p95 of 100), typing in the narrative (input to next
// frame, and the app's own share of each key), opening the evidence library with 2,000 records and
// the dashboard. Sizes as in bench/data-layer.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_FLAGS, chromiumPath } from '../test/e2e/harness';
import { serve } from './serve';

const root = path.resolve(import.meta.dirname, '..');
const size = {
  assessments: 3,
  evidence: Number(process.env.BENCH_EVIDENCE ?? 2000),
  blobs: Number(process.env.BENCH_BLOBS ?? 300),
  totalBytes: Math.round(Number(process.env.BENCH_GIB ?? 0.25) * 1024 ** 3),
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

// Page code is passed as text: tsx would otherwise wrap its named functions in a helper the page lacks.
const SWITCH_LOOP = `async (n) => {
  const links = [...document.querySelectorAll('a[data-requirement-id]')];
  const times = [];
  for (let i = 0; i < n; i += 1) {
    const link = links[(i * 7 + 1) % links.length];
    const id = link.dataset.requirementId;
    performance.clearMarks('requirement-shown');
    const start = performance.now();
    link.click();
    while (!(document.querySelector('#requirement-title')?.textContent ?? '').startsWith(id + ' ')) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    const painted = performance.now() - start;
    const shown = performance.getEntriesByName('requirement-shown').at(-1);
    times.push([shown ? shown.startTime - start : painted, painted]);
  }
  return times;
}`;

/**
 * One visit to the dashboard, timed in the page: click → the frame in which the first screenful
 * (figures, radar with its axes, bars) is drawn, and → the frame in which the rest is (heat-map, gaps,
 * the trend's line). Read in frame callbacks, so later work on the page does not delay the reading.
 */
const DASHBOARD_VISIT = `(async () => {
  const link = [...document.querySelectorAll('a')].find((a) => a.textContent.trim() === 'Dashboard');
  const start = performance.now();
  link.click();
  let first = null;
  for (;;) {
    await new Promise((r) => requestAnimationFrame(r));
    const at = performance.now() - start;
    if (first === null && document.querySelector('.recharts-polar-angle-axis-tick')) first = at;
    if (first !== null && document.querySelector('table.heatmap') && document.querySelector('.recharts-line')) return [first, at];
    if (at > 30000) throw new Error('The dashboard did not open in 30 s.');
  }
})()`;

/** For each switch: [click → page in the DOM (performance mark), click → a frame after it painted]. */
async function switchTimes(page: Page, count: number): Promise<[number, number][]> {
  return page.evaluate(`(${SWITCH_LOOP})(${count})`) as Promise<[number, number][]>;
}

/**
 * Input-to-paint per keystroke from the Event Timing API (the browser's own measure, in 8 ms steps).
 * It reports only events of 16 ms or more, so a key with no entry was faster than that. For every key,
 * `own` is the app's share measured directly: from the key's event time (so input delay included) to
 * the end of the input event's handlers and of the render they cause (a listener on window, in the
 * bubble phase, runs after React's on the root and after its synchronous render).
 */
async function typingTimes(page: Page, count: number): Promise<{ slow: number[]; work: number[]; own: number[]; count: number }> {
  await page.getByLabel('How it is implemented').click();
  await page.evaluate(`window.__own = []; let keyAt = null;
    window.addEventListener('keydown', (e) => { keyAt = e.timeStamp; }, true);
    window.addEventListener('input', () => { if (keyAt !== null) window.__own.push(performance.now() - keyAt); keyAt = null; });`);
  await page.evaluate(`window.__slow = new Map(); window.__work = new Map();
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.interactionId) {
      window.__slow.set(e.interactionId, Math.max(e.duration, window.__slow.get(e.interactionId) ?? 0));
      window.__work.set(e.interactionId, Math.max(e.processingEnd - e.startTime, window.__work.get(e.interactionId) ?? 0));
    } }).observe({ type: 'event', durationThreshold: 16, buffered: false });`);
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.type('x');
    await page.waitForTimeout(50);
  }
  await page.waitForTimeout(300);
  const slow = (await page.evaluate('[...window.__slow.values()]')) as number[];
  const work = (await page.evaluate('[...window.__work.values()]')) as number[];
  const own = (await page.evaluate('window.__own')) as number[];
  return { slow, work, own, count };
}

await build({ configFile: path.join(root, 'vite.renderer.config.ts'), logLevel: 'warn' });
await build({ configFile: path.join(root, 'vite.bench.config.ts'), logLevel: 'warn' });
const { server, url } = await serve({ '/bench/': path.join(root, 'out/bench'), '/': path.join(root, 'out/renderer') });
const executablePath = chromiumPath();
if (!executablePath) throw new Error('Chromium is needed for this bench: apt-get install chromium, or set CHROMIUM_PATH.');
const profile = mkdtempSync(path.join(tmpdir(), 'csms-bench-ws-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: CHROMIUM_FLAGS,
  viewport: { width: 1280, height: 800 },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${url}/bench/`);
  await page.getByText('ready').waitFor();
  const { assessmentId } = (await page.evaluate(
    (s) => (window as unknown as { bench: { fillApp(s: unknown): Promise<never> } }).bench.fillApp(s),
    size,
  )) as { assessmentId: string };
  console.log(
    `workload: ${size.assessments} × 87 responses, ${size.evidence} evidence records, ${size.blobs} files (${(size.totalBytes / 1024 ** 3).toFixed(2)} GiB)`,
  );

  const loads: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    await page.goto(`${url}/#/assessment/${assessmentId}/ORG%201.1`);
    await page.getByTestId('requirement-page').waitFor();
    loads.push(await page.evaluate(() => performance.now()));
  }
  console.log(
    `load to interactive (navigation start → requirement page shown): median ${pct(loads, 0.5).toFixed(0)} ms, worst ${Math.max(...loads).toFixed(0)} ms of 5`,
  );

  const switches = await switchTimes(page, 100);
  const inDom = switches.map((s) => s[0]);
  const painted = switches.map((s) => s[1]);
  console.log(
    `switch requirement, 100 switches: click → page in the DOM p50 ${pct(inDom, 0.5).toFixed(1)} ms, p95 ${pct(inDom, 0.95).toFixed(1)} ms; click → painted p50 ${pct(painted, 0.5).toFixed(1)} ms, p95 ${pct(painted, 0.95).toFixed(1)} ms`,
  );

  const typing = await typingTimes(page, 60);
  const slowest = typing.slow.length ? Math.max(...typing.slow) : 0;
  console.log(
    `typing in the narrative, ${typing.count} keys: ${Math.max(0, typing.count - typing.slow.length)} under 16 ms input-to-paint, ${typing.slow.length} at 16 ms or more${typing.slow.length ? ` (p50 ${pct(typing.slow, 0.5)} ms, slowest ${slowest} ms)` : ''}`,
  );
  if (typing.work.length)
    console.log(
      `  of those slow keys, input delay + handlers: p50 ${pct(typing.work, 0.5).toFixed(1)} ms, p95 ${pct(typing.work, 0.95).toFixed(1)} ms`,
    );
  console.log(
    `  the app's own share of every key (key event → its input handlers and render done), ${typing.own.length} keys: p50 ${pct(typing.own, 0.5).toFixed(1)} ms, p95 ${pct(typing.own, 0.95).toFixed(1)} ms, slowest ${Math.max(...typing.own).toFixed(1)} ms`,
  );

  const library: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    await page.goto(`${url}/#/settings`);
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    const start = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: 'Evidence', exact: true }).click();
    await page.locator('tr[data-evidence-id]').first().waitFor();
    library.push((await page.evaluate(() => performance.now())) - start);
  }
  const rendered = await page.locator('tr[data-evidence-id]').count();

  // Cold: the first visit after a load (its code was fetched ahead while the app was idle). Warm: later visits.
  await page.goto(`${url}/#/settings`);
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  const dashboard: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < 6; i += 1) {
    const [first, all] = (await page.evaluate(DASHBOARD_VISIT)) as [number, number];
    dashboard.push(first);
    whole.push(all);
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  }
  const [cold, ...warm] = dashboard;
  const [coldWhole, ...warmWhole] = whole;
  console.log(
    `open the dashboard, click → the frame with figures, radar and bars: first visit ${cold!.toFixed(0)} ms, then median ${pct(warm, 0.5).toFixed(0)} ms, worst ${Math.max(...warm).toFixed(0)} ms of 5`,
  );
  console.log(
    `  → the frame with all of it (+ heat-map, gaps, trend): first visit ${coldWhole!.toFixed(0)} ms, then median ${pct(warmWhole, 0.5).toFixed(0)} ms, worst ${Math.max(...warmWhole).toFixed(0)} ms of 5`,
  );
  console.log(
    `open the evidence library (${size.evidence} records, ${rendered} rows rendered): median ${pct(library, 0.5).toFixed(0)} ms of 5`,
  );
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
