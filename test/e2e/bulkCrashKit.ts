/**
 * Shared by the bulk-action crash tests: kill the browser a chosen time after a click, relaunch on the
 * same profile, and read what really reached the disk straight from IndexedDB (never through the app).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath, devtoolsEndpoint, launchApp, type AppSession } from './harness';
import { checkIntegrity, countRowsIn } from './workbook';

export const MAIN_DB = 'csms-workbook';
export const SAMPLE_DB = 'csms-workbook-sample';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * After the SIGKILL: transaction events the page sent just before it died may still be in flight over
 * CDP. There is nothing left to wait on (the browser is gone), so a short grace; the page's own time
 * stamps then place each event before or after the kill.
 */
const IN_FLIGHT_GRACE_MS = 20;
/** How often timeAction looks whether the action is done: short, since it measures the action's duration. */
const TIMING_POLL_MS = 5;

/**
 * Watches the page's big read-write IndexedDB transactions (all stores of a workbook: the bulk actions)
 * by wrapping the object store's write methods. It only observes: the first write of a transaction and
 * its commit or abort are reported through a CDP binding (quicker than console messages), stamped with the page's wall clock,
 * so a round can tell whether its kill fell before the write, inside it or after the commit.
 */
export class TxWatch {
  events: { kind: 'start' | 'complete' | 'abort'; db: string; tx: number; at: number }[] = [];
  /** Longest delay seen between an event in the page and its arrival here. */
  maxLatency = 0;
  private zero = Date.now();

  static async on(page: Page): Promise<TxWatch> {
    const watch = new TxWatch();
    const cdp = await page.context().newCDPSession(page);
    cdp.on('Runtime.bindingCalled', (event: { name: string; payload: string }) => {
      if (event.name !== '__bulkCrashTx') return;
      const { kind, db, tx, at } = JSON.parse(event.payload) as { kind: 'start'; db: string; tx: number; at: number };
      watch.maxLatency = Math.max(watch.maxLatency, Date.now() - at);
      watch.events.push({ kind, db, tx, at: at - watch.zero });
    });
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: '__bulkCrashTx' });
    await page.evaluate(() => {
      const w = window as unknown as { __bulkCrashWatch?: boolean; __bulkCrashTx: (payload: string) => void };
      if (w.__bulkCrashWatch) return;
      w.__bulkCrashWatch = true;
      let count = 0;
      const tell = (kind: string, db: string, tx: number) =>
        w.__bulkCrashTx(JSON.stringify({ kind, db, tx, at: performance.timeOrigin + performance.now() }));
      // Dexie binds IDBDatabase#transaction when it opens the database, but looks up the object store's
      // methods at each call: the first write of a transaction over (nearly) all stores marks its start.
      const seen = new WeakSet<IDBTransaction>();
      const store = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => IDBRequest>;
      for (const method of ['add', 'put', 'delete', 'clear']) {
        const original = store[method]!;
        store[method] = function (this: IDBObjectStore, ...args: unknown[]) {
          const tx = this.transaction;
          if (!seen.has(tx) && tx.mode === 'readwrite' && tx.objectStoreNames.length >= 8) {
            seen.add(tx);
            const name = tx.db.name;
            const id = ++count;
            tell('start', name, id);
            tx.addEventListener('complete', () => tell('complete', name, id));
            tx.addEventListener('abort', () => tell('abort', name, id));
          }
          return original.apply(this, args);
        };
      }
    });
    return watch;
  }

  private clickedAt = 0;

  /** Forget earlier events: call it just before the click. */
  mark(): void {
    this.zero = Date.now();
    this.clickedAt = 0;
    this.events = [];
  }

  /** The click has returned: times are told from here (an event seen during the click counts as 0). */
  clicked(): void {
    this.clickedAt = Date.now() - this.zero;
  }

  /** The first transaction started since the mark: when it started and ended (ms after the click returned). */
  first(kind: 'start' | 'complete' | 'abort'): number | undefined {
    const start = this.events.find((e) => e.kind === 'start');
    const event = kind === 'start' ? start : start && this.events.find((e) => e.kind === kind && e.tx === start.tx);
    return event === undefined ? undefined : Math.max(0, event.at - this.clickedAt);
  }

  /** Where a kill at `killAt` ms after the mark fell, by what the page had reported before it of the transactions started since the mark. */
  phase(killAt: number): string {
    const before = this.events.filter((e) => e.at <= killAt);
    const started = new Set(before.filter((e) => e.kind === 'start').map((e) => e.tx));
    const ended = before.filter((e) => e.kind !== 'start' && started.has(e.tx));
    if (started.size === 0) return 'before the write began';
    if (ended.length < started.size) return 'during the write';
    return ended.some((e) => e.kind === 'abort') ? 'after the write aborted' : 'after the commit';
  }

  /** Milliseconds since the mark. */
  now(): number {
    return Date.now() - this.zero;
  }
}

export interface Timing {
  /** Click to the start of the bulk transaction, to its commit, and to the result seen. */
  start: number;
  complete: number;
  done: number;
}

/**
 * Kill times spread over the action: at once, before the write, through the write (the window between
 * the transaction's start and its commit, as measured uninterrupted), just after the commit and well after.
 */
export function killDelays(t: Timing): number[] {
  const window = Math.max(1, t.complete - t.start);
  const inside = [0.1, 0.35, 0.6, 0.85].map((f) => t.start + f * window);
  const delays = [0, t.start * 0.5, ...inside, t.complete + 10, Math.max(t.done, t.complete) * 1.6 + 50];
  return delays.map((d) => Math.max(0, Math.round(d)));
}

/** Clicks, waits `delayMs`, then SIGKILLs the whole browser process group; says where the kill fell. */
export async function clickThenKill(app: AppSession, watch: TxWatch, click: () => Promise<void>, delayMs: number): Promise<string> {
  watch.mark();
  await click();
  watch.clicked();
  // Deliberate: the kill must land at this moment of the action (see killDelays); waiting on a state instead would move it.
  if (delayMs > 0) await sleep(delayMs);
  const killAt = watch.now();
  await app.kill();
  await sleep(IN_FLIGHT_GRACE_MS);
  return `killed ${watch.phase(killAt)}`;
}

/** Runs the action uninterrupted: times from the click to its transaction's start and commit, and to `done()`. */
export async function timeAction(
  watch: TxWatch,
  click: () => Promise<void>,
  done: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<Timing> {
  watch.mark();
  await click();
  watch.clicked();
  const start = performance.now();
  while (!(await done())) {
    if (performance.now() - start > timeoutMs) throw new Error('The action did not finish in time.');
    await sleep(TIMING_POLL_MS);
  }
  const finished = Math.round(performance.now() - start);
  await waitUntil(
    `the commit to be reported (seen: ${JSON.stringify(watch.events)})`,
    async () => watch.first('complete') !== undefined,
    10_000,
  );
  return { start: Math.round(watch.first('start')!), complete: Math.round(watch.first('complete')!), done: finished };
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Other work in the same tree may rebuild the renderer while these tests run (the build empties
 * out/renderer first). Waits until the build is whole: index.html and every asset it names.
 */
async function waitForBuild(): Promise<void> {
  const dir = path.join(root, 'out/renderer');
  const whole = async () => {
    try {
      const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
      const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
      return assets.length > 0 && assets.every((a) => existsSync(path.join(dir, a)));
    } catch {
      return false; // Not there yet.
    }
  };
  await waitUntil('out/renderer to be whole (index.html and every asset it names)', whole, 60_000);
}

/**
 * Browser processes running on this profile, found by their profile flag. Only the browser process keeps
 * its arguments apart; Chromium rewrites a helper's command line into one string, so the flag ends with a
 * space there. A process that is exiting may already have no command line: see processGroupLeft.
 */
function profileProcesses(profileDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(`--user-data-dir=${profileDir}\0`) || cmdline.includes(`--user-data-dir=${profileDir} `))
        pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

/** State and process group of a process or thread, from /proc/<pid>/stat (fields 3 and 5). */
function statOf(file: string): { state: string; pgrp: number } | null {
  try {
    const stat = readFileSync(file, 'utf8');
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: state!, pgrp: Number(pgrp) };
  } catch {
    return null; // Gone meanwhile.
  }
}

/**
 * Processes of a process group that have not finished exiting: a thread still running or blocked on the
 * disk. A zombie is done (its files and locks are released before it becomes one) and may wait for a
 * parent that never reaps it, so it does not count.
 */
function processGroupLeft(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || statOf(`/proc/${entry}/stat`)?.pgrp !== pgid) continue;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${entry}/task`);
    } catch {
      continue; // Gone meanwhile.
    }
    if (tasks.some((task) => !'ZX'.includes(statOf(`/proc/${entry}/task/${task}/stat`)?.state ?? 'X'))) pids.push(Number(entry));
  }
  return pids;
}

/** The process groups of the browsers started on each profile (each browser is spawned as its own group). */
const groupsOn = new Map<string, Set<number>>();

function trackGroup(profileDir: string, pgid: number | undefined): void {
  if (pgid === undefined) return;
  const groups = groupsOn.get(profileDir) ?? new Set<number>();
  groups.add(pgid);
  groupsOn.set(profileDir, groups);
}

/** Kills what a launch that failed half-way left on the profile. */
function killLeftovers(profileDir: string): void {
  for (const pid of profileProcesses(profileDir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  for (const pgid of groupsOn.get(profileDir) ?? []) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
  }
}

/**
 * Until no process of an earlier browser on the profile is left, so the next launch finds it free: none
 * with its profile flag, none of the process groups started on it.
 */
export async function profileReleased(profileDir: string): Promise<void> {
  const left = () => [...new Set([...profileProcesses(profileDir), ...[...(groupsOn.get(profileDir) ?? [])].flatMap(processGroupLeft)])];
  try {
    await waitUntil(`the browser on ${profileDir} to exit`, async () => left().length === 0, 60_000);
  } catch (error) {
    const ps = left().map((pid) => `${pid} ${statOf(`/proc/${pid}/stat`)?.state ?? '?'}`);
    throw new Error(`${(error as Error).message} Still there (pid state): ${ps.join(', ')}`);
  }
  groupsOn.delete(profileDir);
}

/** Whether the page failed to load some of the app's own files (a rebuild in progress), not the app failing. */
async function buildWasIncomplete(page: Page): Promise<boolean> {
  return page
    .evaluate(() =>
      (performance.getEntriesByType('resource') as (PerformanceResourceTiming & { responseStatus?: number })[]).some(
        (e) => (e.responseStatus ?? 200) >= 400,
      ),
    )
    .catch(() => false);
}

const sessions = new Set<AppSession>();

/** Kills every browser these helpers started, so a failed test leaves none running (call in afterAll). */
export async function killAllSessions(): Promise<void> {
  for (const session of sessions) await session.kill().catch(() => undefined);
  sessions.clear();
}

/** launchApp on a given profile, tolerating a renderer rebuild by someone else in the meantime. */
export async function launchOn(profileDir: string, hash: string): Promise<AppSession> {
  for (let attempt = 1; ; attempt++) {
    await waitForBuild();
    try {
      const session = await launchApp({ profileDir, hash });
      trackGroup(profileDir, session.processGroup);
      sessions.add(session);
      return session;
    } catch (error) {
      killLeftovers(profileDir);
      if (attempt >= 3 || !/ERR_HTTP_RESPONSE_CODE_FAILURE|ERR_ABORTED/.test(String(error))) throw error;
      // The next attempt waits for the build to be whole (waitForBuild) and, first, for the profile to be free.
      await profileReleased(profileDir);
    }
  }
}

const RECOVERY = /^Your workbook (is not what this computer last saved|could not be opened)$/;
const LOST_HEADING = 'Your workbook is not what this computer last saved';

/** What a relaunch came back to: the app opened its workbook, or the browser had lost the database. */
export type Relaunched = { outcome: 'opened'; app: AppSession; welcome: boolean } | { outcome: 'lost'; text: string };

/**
 * Relaunches on the profile and waits until the app has opened its workbook: the screen asked for, or
 * first start. The recovery screen over an emptied database (Chromium discards an IndexedDB store it
 * cannot open cleanly and starts it afresh) comes back as 'lost' with what the screen says; any other
 * recovery screen, or nothing within the timeout, fails with what the page shows.
 */
export async function relaunchOrLost(profileDir: string, hash: string, screenHeading: string): Promise<Relaunched> {
  for (let attempt = 1; ; attempt++) {
    // A process killed in the middle of a disk flush only exits once the flush completes, and it holds the store's lock until then.
    await profileReleased(profileDir);
    const app = await launchOn(profileDir, hash);
    const opened = await waitOpened(app, screenHeading, attempt < 3);
    if (opened === null) continue; // A rebuild of the renderer was under way: again.
    if (typeof opened === 'object') return { outcome: 'lost', text: opened.lost };
    return { outcome: 'opened', app, welcome: opened === 'welcome' };
  }
}

/** relaunchOrLost for callers to which a lost database is a failure too. */
export async function relaunch(profileDir: string, hash: string, screenHeading: string): Promise<{ app: AppSession; welcome: boolean }> {
  const relaunched = await relaunchOrLost(profileDir, hash, screenHeading);
  if (relaunched.outcome === 'lost') throw new Error(`After the kill the app opened its recovery screen:\n${relaunched.text}`);
  return relaunched;
}

/**
 * 'welcome' or 'screen' once the app has opened; the recovery screen's text when the database is empty
 * (the one recovery screen a browser that lost the database causes: the app's marker kept outside it
 * says there was a workbook); null when a rebuild of the renderer was under way and the caller may try again.
 */
async function waitOpened(
  app: AppSession,
  screenHeading: string,
  mayRetry: boolean,
): Promise<'welcome' | 'screen' | { lost: string } | null> {
  const { page } = app;
  const welcome = page.getByRole('heading', { name: 'Welcome to CSMS Workbook', level: 1 });
  const screen = page.getByRole('heading', { name: screenHeading, level: 1 });
  const recovery = page.getByRole('heading', { name: RECOVERY, level: 1 });
  try {
    await welcome.or(screen).or(recovery).first().waitFor({ timeout: 45_000 });
  } catch (error) {
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '(no page)');
    const rebuilt = await buildWasIncomplete(page);
    await app.kill();
    if (rebuilt && mayRetry) return null;
    throw new Error(`The app did not open after the kill: ${(error as Error).message}\n${text.slice(0, 1500)}`);
  }
  if (await recovery.isVisible()) {
    const heading = (await recovery.innerText()).trim();
    const text = (await page.locator('body').innerText()).slice(0, 1500);
    await app.kill();
    const keep = process.env.CSMS_E2E_KEEP_PROFILE;
    if (keep) {
      await profileReleased(app.profileDir);
      const copy = `${keep}-${Date.now()}`;
      cpSync(app.profileDir, copy, { recursive: true });
      console.info(`[bulk crash] the profile that opened the recovery screen is kept in ${copy}`);
    }
    if (heading === LOST_HEADING && text.includes('the database is now empty')) return { lost: text };
    throw new Error(`After the kill the app opened its recovery screen:\n${text}`);
  }
  return (await welcome.isVisible()) ? 'welcome' : 'screen';
}

/** Runs the app's own integrity check on the Evidence screen and expects it intact. */
export async function expectIntact(page: Page, what: string): Promise<void> {
  if (!page.url().includes('#/evidence')) {
    await page.evaluate(() => (window.location.hash = '/evidence'));
  }
  await page.getByRole('heading', { name: 'Evidence', level: 1 }).waitFor();
  const integrity = await checkIntegrity(page);
  expect(integrity.intact, `${what}: ${integrity.text}`).toBe(true);
}

/** Every record of a store, reduced to the fields named (raw IndexedDB; null when the database does not exist). */
export function readFields(page: Page, dbName: string, store: string, fields: string[]): Promise<Record<string, unknown>[] | null> {
  return page.evaluate(
    ({ dbName, store, fields }) =>
      new Promise<Record<string, unknown>[] | null>((resolve, reject) => {
        void indexedDB.databases().then((list) => {
          if (!list.some((d) => d.name === dbName)) return resolve(null);
          const open = indexedDB.open(dbName);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(store, 'readonly');
            const out: Record<string, unknown>[] = [];
            const cursor = tx.objectStore(store).openCursor();
            cursor.onsuccess = () => {
              const c = cursor.result;
              if (!c) return;
              const value = c.value as Record<string, unknown>;
              const row: Record<string, unknown> = {};
              for (const path of fields) {
                let v: unknown = value;
                for (const part of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[part];
                row[path] = v;
              }
              out.push(row);
              c.continue();
            };
            tx.oncomplete = () => {
              db.close();
              resolve(out);
            };
            tx.onerror = () => reject(tx.error);
          };
        }, reject);
      }),
    { dbName, store, fields },
  );
}

export interface Peek {
  localStorage: Record<string, string | null>;
  files: Record<string, string | null>;
  counts: Record<string, Record<string, number> | null>;
}

/**
 * Looks at the profile as the kill left it, before the app starts and reacts to it: a bare Chromium on
 * the same profile and origin, every request answered with an empty page so no app code runs.
 */
export async function peekProfile(
  profileDir: string,
  origin: string,
  keys: string[],
  dbNames: string[],
  fileNames: string[] = [],
): Promise<Peek> {
  const child = spawn(
    chromiumPath()!,
    ['--headless', ...CHROMIUM_FLAGS, `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  trackGroup(profileDir, child.pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = devtoolsEndpoint(child);
  let browser: Awaited<ReturnType<typeof chromium.connectOverCDP>> | undefined;
  try {
    browser = await chromium.connectOverCDP(await endpoint);
    const context = browser.contexts()[0]!;
    await context.route('**/*', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>peek</title>' }),
    );
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/`);
    const storage = await page.evaluate((keys) => Object.fromEntries(keys.map((k) => [k, localStorage.getItem(k)])), keys);
    // Small files of the origin-private file system, read without the app.
    const files = await page.evaluate(async (names) => {
      const root = await navigator.storage.getDirectory();
      const read = (name: string) =>
        root
          .getFileHandle(name)
          .then((h) => h.getFile())
          .then((f) => f.text())
          .catch(() => null);
      return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await read(n)] as const)));
    }, fileNames);
    const counts: Peek['counts'] = {};
    for (const name of dbNames) counts[name] = await countRowsIn(page, name);
    return { localStorage: storage, files, counts };
  } finally {
    // Nothing was changed, so a normal shutdown writes nothing of ours.
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await browser?.close().catch(() => undefined);
  }
}

/** One block per action for the closing report. */
export function report(action: string, rounds: { delay: number; outcome: string; phase: string; detail?: string }[], t: Timing): void {
  const lines = rounds.map(
    (r, i) => `  round ${i + 1}: kill ${r.delay} ms after the click (${r.phase}) -> ${r.outcome}${r.detail ? ` [${r.detail}]` : ''}`,
  );
  console.info(
    `[bulk crash] ${action}: uninterrupted, the write began ${t.start} ms after the click, committed at ${t.complete} ms, seen at ${t.done} ms\n${lines.join('\n')}`,
  );
}

/** Polls `check` until it returns true (usable in hooks, where expect.poll is not). */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(20);
  }
}
