/**
 * Launches the app for end-to-end tests: the browser edition in Chromium (CHROMIUM_PATH or
 * /usr/bin/chromium) by default, or the real Electron app when E2E_TARGET=electron and a binary exists.
 * With neither available the run fails and says what to install; it never passes silently.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface AppSession {
  target: 'browser' | 'electron';
  page: Page;
  context: BrowserContext;
  /** The origin the app's pages are served from. */
  origin: string;
  /** Every URL the app requested since launch. */
  requests: string[];
  profileDir: string;
  /** The browser's process group (its own, see launchApp): what must be gone before the profile is free again. */
  processGroup?: number;
  /** Closes the app normally, letting it finish its writes. */
  close(): Promise<void>;
  /** Kills the browser process at once (SIGKILL), as a crash or power cut would. */
  kill(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : null;
}

export function electronPath(): string | null {
  try {
    const require = createRequire(path.join(root, 'package.json'));
    const pathFile = path.join(path.dirname(require.resolve('electron/package.json')), 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = path.join(path.dirname(pathFile), 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function chooseTarget(): 'browser' | 'electron' {
  const wanted = process.env.E2E_TARGET;
  if (wanted === 'electron') {
    if (!electronPath())
      throw new Error('E2E_TARGET=electron but no Electron binary is installed (run npm install without ELECTRON_SKIP_BINARY_DOWNLOAD).');
    return 'electron';
  }
  if (chromiumPath()) return 'browser';
  if (electronPath()) return 'electron';
  throw new Error(
    'No browser to run the end-to-end tests: install Chromium (apt-get install chromium) or set CHROMIUM_PATH, or install an Electron binary.',
  );
}

function requireBuild(): void {
  if (!existsSync(path.join(process.env.CSMS_RENDERER_OUT ?? path.join(root, 'out/renderer'), 'index.html'))) {
    throw new Error('The renderer is not built: run npm run build:renderer (npm run test:e2e does it for you).');
  }
}

let server: PreviewServer | null = null;

/** One preview server per test file, on a free loopback port. */
async function serverUrl(): Promise<string> {
  if (!server) {
    server = await preview({
      configFile: path.join(root, 'vite.renderer.config.ts'),
      logLevel: 'error',
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
  }
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address.');
  return url;
}

export async function stopServer(): Promise<void> {
  await server?.close();
  server = null;
}

/** Chromium prints its DevTools address on stderr once it is ready for a connection. */
export function devtoolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen.slice(-500)}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before it was ready: ${seen.slice(-500)}`)));
  });
}

export async function launchApp(options: { profileDir?: string; hash?: string } = {}): Promise<AppSession> {
  requireBuild();
  const target = chooseTarget();
  const ownsProfile = !options.profileDir;
  const profileDir = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'csms-e2e-'));
  const requests: string[] = [];
  const cleanup = () => {
    // Best effort: a temporary profile left behind is not a failure of the app.
    if (ownsProfile) {
      try {
        rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch {
        // Left for the system's temp cleaner.
      }
    }
  };

  if (target === 'electron') {
    const app = await _electron.launch({
      executablePath: electronPath()!,
      args: [path.join(root, 'out/main/index.cjs'), `--user-data-dir=${profileDir}`],
    });
    const context = app.context();
    context.on('request', (r) => requests.push(r.url()));
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    if (options.hash) await page.evaluate((h) => (window.location.hash = h), options.hash);
    return {
      target,
      page,
      context,
      origin: 'app://workbook',
      requests,
      profileDir,
      close: async () => {
        await app.close();
        cleanup();
      },
      kill: async () => {
        const exited = new Promise((resolve) => app.process().once('exit', resolve));
        app.process().kill('SIGKILL');
        await exited;
      },
    };
  }

  const base = await serverUrl();
  const child = spawn(
    chromiumPath()!,
    [
      '--headless',
      ...CHROMIUM_FLAGS,
      `--user-data-dir=${profileDir}`,
      '--remote-debugging-port=0',
      '--window-size=1280,800',
      ...(process.env.CSMS_E2E_CHROMIUM_LOG ? ['--enable-logging=stderr', '--v=0'] : []),
      'about:blank',
    ],
    // Its own process group, so that stopping it stops its helper processes too.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const logTo = process.env.CSMS_E2E_CHROMIUM_LOG;
  if (logTo) child.stderr!.on('data', (chunk: Buffer) => appendFileSync(logTo, chunk));
  // isLocal: the browser shares this file system, so files are handed over by path, whatever their size.
  const browser = await chromium.connectOverCDP(await devtoolsEndpoint(child), { isLocal: true });
  const context = browser.contexts()[0]!;
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(new URL(options.hash ? `/#${options.hash}` : '/', base).toString());
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
    await exited;
    // Helpers may outlive the browser process by a moment; make sure none is left writing.
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
    await browser.close().catch(() => undefined);
  };
  return {
    target,
    page,
    context,
    origin: new URL(base).origin,
    requests,
    profileDir,
    processGroup: child.pid,
    close: async () => {
      await stop('SIGTERM');
      cleanup();
    },
    kill: () => stop('SIGKILL'),
  };
}
