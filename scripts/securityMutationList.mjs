// The weakenings scripts/securityMutations.mjs applies to the Electron code, one at a time. Each edit must
// match its file exactly once, so a mutation that no longer applies fails the run instead of rotting.
// The list may only grow: a guard that the checks stop catching is a finding, not a line to delete.

/** @typedef {{ name: string, file: string, edits: [search: string, replace: string][] }} Mutation */

/** @type {Mutation[]} */
export const MUTATIONS = [
  // Windows (src/main/window.ts)
  { name: 'sandbox off', file: 'src/main/window.ts', edits: [['sandbox: true,', 'sandbox: false,']] },
  { name: 'contextIsolation off', file: 'src/main/window.ts', edits: [['contextIsolation: true,', 'contextIsolation: false,']] },
  {
    name: 'nodeIntegration on, sandbox off',
    file: 'src/main/window.ts',
    edits: [
      ['sandbox: true,', 'sandbox: false,'],
      ['nodeIntegration: false,', 'nodeIntegration: true,'],
    ],
  },
  { name: 'webSecurity off', file: 'src/main/window.ts', edits: [['webSecurity: true,', 'webSecurity: false,']] },
  { name: 'webviewTag on', file: 'src/main/window.ts', edits: [['webviewTag: false,', 'webviewTag: true,']] },
  {
    name: 'insecure content allowed',
    file: 'src/main/window.ts',
    edits: [['allowRunningInsecureContent: false,', 'allowRunningInsecureContent: true,']],
  },
  { name: 'DevTools in the packaged app', file: 'src/main/window.ts', edits: [['devTools: !app.isPackaged,', 'devTools: true,']] },
  {
    name: 'eng-disable SANDBOX_JS_CHECK comment',
    file: 'src/main/window.ts',
    edits: [['sandbox: true,', 'sandbox: true, // eng-disable SANDBOX_JS_CHECK']],
  },
  {
    name: 'sandbox off, finding silenced',
    file: 'src/main/window.ts',
    edits: [['sandbox: true,', 'sandbox: false, // eng-disable SANDBOX_JS_CHECK']],
  },

  // Web contents and session guards (src/main/security.ts)
  {
    name: 'window-open handler allows',
    file: 'src/main/security.ts',
    edits: [["setWindowOpenHandler(() => ({ action: 'deny' }))", "setWindowOpenHandler(() => ({ action: 'allow' }))"]],
  },
  { name: 'will-navigate guard removed', file: 'src/main/security.ts', edits: [["  contents.on('will-navigate', blockOffOrigin);\n", '']] },
  { name: 'will-redirect guard removed', file: 'src/main/security.ts', edits: [["  contents.on('will-redirect', blockOffOrigin);\n", '']] },
  {
    name: 'navigation guard lets through',
    file: 'src/main/security.ts',
    edits: [['if (!isAppUrl(url)) event.preventDefault();', 'if (!isAppUrl(url)) return;']],
  },
  {
    name: 'openExternal on navigation (guards)',
    file: 'src/main/security.ts',
    edits: [
      ["import type { Session, WebContents } from 'electron';", "import { shell, type Session, type WebContents } from 'electron';"],
      [
        'if (!isAppUrl(url)) event.preventDefault();',
        'if (!isAppUrl(url)) {\n      event.preventDefault();\n      void shell.openExternal(url);\n    }',
      ],
    ],
  },
  {
    name: 'webview attach allowed',
    file: 'src/main/security.ts',
    edits: [["  contents.on('will-attach-webview', (event) => event.preventDefault());\n", '']],
  },
  {
    name: 'permission request handler grants all',
    file: 'src/main/security.ts',
    edits: [['callback(isPermissionAllowed(permission, details.requestingUrl));', 'callback(true);']],
  },
  {
    name: 'permission check handler grants all',
    file: 'src/main/security.ts',
    edits: [['(_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin)', '() => true']],
  },
  {
    name: 'every permission for the app page',
    file: 'src/main/security.ts',
    edits: [["return permission === 'persistent-storage' && requestingUrl", 'return requestingUrl']],
  },
  {
    name: 'request filter cancels nothing',
    file: 'src/main/security.ts',
    edits: [['callback({ cancel: !isAllowedRequest(details.url) });', 'callback({ cancel: false });']],
  },

  // URL decisions (src/main/trustedUrl.ts)
  {
    name: 'http/https allowed in the request filter',
    file: 'src/main/trustedUrl.ts',
    edits: [
      ["if (parsed.protocol === 'devtools:') return true;", "if (['devtools:', 'http:', 'https:'].includes(parsed.protocol)) return true;"],
    ],
  },
  {
    name: 'file: allowed in the request filter',
    file: 'src/main/trustedUrl.ts',
    edits: [
      ["if (parsed.protocol === 'data:') return true;", "if (parsed.protocol === 'data:' || parsed.protocol === 'file:') return true;"],
    ],
  },
  {
    name: 'app origin matched by prefix',
    file: 'src/main/trustedUrl.ts',
    edits: [['parsed.hostname.toLowerCase() === APP_HOST', 'parsed.hostname.toLowerCase().startsWith(APP_HOST)']],
  },

  // IPC (src/main/ipc.ts)
  {
    name: 'IPC sender check removed',
    file: 'src/main/ipc.ts',
    edits: [["  if (!isTrustedSender(frame)) return fail('Refused: the request did not come from the app’s own page.');\n", '']],
  },
  {
    name: 'IPC trusts any frame',
    file: 'src/main/ipc.ts',
    edits: [['return !!frame && frame.parent === null && isAppUrl(frame.url);', 'return !!frame;']],
  },

  // The app:// scheme and the CSP (src/main/protocol.ts, src/shared/csp.ts)
  {
    name: 'bypassCSP on the scheme',
    file: 'src/main/protocol.ts',
    edits: [['privileges: { standard: true, secure: true,', 'privileges: { standard: true, secure: true, bypassCSP: true,']],
  },
  {
    name: 'CSP header dropped from files',
    file: 'src/main/protocol.ts',
    edits: [
      [
        "{ headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) } }",
        "{ headers: { 'Content-Type': contentTypeFor(file) } }",
      ],
    ],
  },
  {
    name: "CSP weakened to 'unsafe-inline' 'unsafe-eval' *",
    file: 'src/shared/csp.ts',
    edits: [[`"script-src 'self' 'wasm-unsafe-eval'",`, `"script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline' 'unsafe-eval' *",`]],
  },
  { name: 'CSP default-src *', file: 'src/shared/csp.ts', edits: [[`"default-src 'none'",`, `"default-src *",`]] },
  {
    name: 'CSP connect-src https:',
    file: 'src/shared/csp.ts',
    edits: [[`"connect-src 'self' blob: data:",`, `"connect-src 'self' blob: data: https:",`]],
  },

  // Wiring (src/main/index.ts)
  {
    name: '--disable-web-security appended',
    file: 'src/main/index.ts',
    edits: [['  app.enableSandbox();\n', "  app.enableSandbox();\n  app.commandLine.appendSwitch('disable-web-security');\n"]],
  },
  { name: 'app.enableSandbox removed', file: 'src/main/index.ts', edits: [['  app.enableSandbox();\n', '']] },
  {
    name: 'openExternal on navigation (wiring)',
    file: 'src/main/index.ts',
    edits: [
      [
        "app.on('web-contents-created', (_event, contents) => guardWebContents(contents));",
        "app.on('web-contents-created', (_event, contents) => {\n    guardWebContents(contents);\n    contents.on('will-navigate', (_e, url) => void shell.openExternal(url));\n  });",
      ],
    ],
  },
  {
    name: 'web contents guards not installed',
    file: 'src/main/index.ts',
    edits: [["  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));\n", '']],
  },
  { name: 'session guards not installed', file: 'src/main/index.ts', edits: [['    guardSession(session.defaultSession);\n', '']] },

  // The bridge (src/preload/index.ts)
  {
    name: 'ipcRenderer on the bridge',
    file: 'src/preload/index.ts',
    edits: [['  onFlushRequest,\n} satisfies CsmsBridge;', '  onFlushRequest,\n  ipcRenderer,\n} satisfies CsmsBridge;']],
  },
  {
    name: 'ipcRenderer exposed beside the bridge',
    file: 'src/preload/index.ts',
    edits: [
      [
        'contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);',
        "contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer);",
      ],
    ],
  },
  {
    name: 'generic invoke on the bridge',
    file: 'src/preload/index.ts',
    edits: [
      [
        "  appInfo: () => invoke('app:info'),\n",
        "  appInfo: () => invoke('app:info'),\n  send: (channel: string, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args),\n",
      ],
    ],
  },
];
