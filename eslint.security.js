// Security rules for the Electron code (src/main, src/preload, src/shared), joined into eslint.config.js.
// They name the weakenings the unit tests might not see: see scripts/securityMutations.mjs, which proves each one is caught.

/** The only Electronegativity suppression reviewed so far: the preload path of the main window. */
export const REVIEWED_ENG_DISABLE = [{ file: 'src/main/window.ts', checks: ['PRELOAD_JS_CHECK'] }];

/** Chromium switches that switch a protection off; no string in the Electron code may name one. */
const DANGEROUS_SWITCHES =
  /disable-web-security|no-sandbox|disable-site-isolation|ignore-certificate-errors|allow-insecure-localhost|allow-running-insecure-content|remote-debugging|disable-features=.*(IsolateOrigins|site-per-process)/;

const engDisable = {
  meta: {
    type: 'problem',
    docs: { description: 'Electronegativity suppressions (eng-disable) only where reviewed' },
    schema: [],
  },
  create(context) {
    const file = context.filename.replaceAll('\\', '/');
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const match = /eng-disable(.*)/i.exec(comment.value);
          if (!match) continue;
          const checks = match[1]
            .trim()
            .split(/[\s,]+/)
            .filter(Boolean)
            .sort();
          const reviewed = REVIEWED_ENG_DISABLE.some(
            (r) => file.endsWith(r.file) && checks.length > 0 && checks.every((c) => r.checks.includes(c)),
          );
          if (!reviewed) {
            context.report({
              loc: comment.loc,
              message: `Unreviewed Electronegativity suppression (${checks.join(', ') || 'every check'}): fix the finding, or review it and add it to REVIEWED_ENG_DISABLE in eslint.security.js and scripts/electronegativity.mjs.`,
            });
          }
        }
      },
    };
  },
};

const restrictedSyntax = [
  {
    selector: "Property[key.name='bypassCSP'], Property[key.value='bypassCSP']",
    message: 'The app:// scheme must not bypass the Content-Security-Policy.',
  },
  {
    selector: 'Property[key.name=/^(sandbox|contextIsolation|webSecurity)$/][value.value=false]',
    message: 'Windows stay sandboxed, isolated and with web security on (DESIGN.md, Security promises).',
  },
  {
    selector:
      'Property[key.name=/^(nodeIntegration|nodeIntegrationInWorker|nodeIntegrationInSubFrames|webviewTag|allowRunningInsecureContent|experimentalFeatures)$/][value.value=true]',
    message: 'No Node, webviews, insecure content or experimental features in a window (DESIGN.md, Security promises).',
  },
  {
    selector: "Property[key.name='action'][value.value='allow']",
    message: 'New windows are always denied.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^setPermission(Request|Check)Handler$/] Literal[value=true]',
    message: 'Permission handlers grant nothing by a literal true; decide with isPermissionAllowed.',
  },
  {
    selector: "CallExpression[callee.property.name='onBeforeRequest'] Property[key.name='cancel'][value.value=false]",
    message: 'The request filter cancels every request outside the app; decide with isAllowedRequest.',
  },
  {
    selector:
      "Property[value.name='ipcRenderer'], SpreadElement[argument.name='ipcRenderer'], CallExpression[callee.property.name='exposeInMainWorld'] Identifier[name='ipcRenderer']",
    message: 'The preload exposes named functions only, never ipcRenderer.',
  },
  {
    selector: `Literal[value=${DANGEROUS_SWITCHES}], TemplateElement[value.raw=${DANGEROUS_SWITCHES}]`,
    message: 'No Chromium switch that turns a protection off.',
  },
];

export const securityConfig = [
  {
    files: ['src/main/**', 'src/preload/**', 'src/shared/**'],
    // Tests mock electron and name the forbidden things in order to assert they are absent.
    ignores: ['**/*.test.ts'],
    plugins: { 'csms-security': { rules: { 'eng-disable': engDisable } } },
    rules: {
      'csms-security/eng-disable': 'error',
      'no-restricted-syntax': ['error', ...restrictedSyntax],
      'no-restricted-properties': [
        'error',
        { property: 'openExternal', message: 'The app never opens links outside itself (no shell.openExternal).' },
        { property: 'appendSwitch', message: 'No Chromium switches: each one needs a security review.' },
        { property: 'appendArgument', message: 'No Chromium arguments: each one needs a security review.' },
      ],
    },
  },
];

/** Rule ids this file adds, so the mutation run can tell a security finding from a style one. */
export const SECURITY_RULE_IDS = ['csms-security/eng-disable', 'no-restricted-syntax', 'no-restricted-properties'];
