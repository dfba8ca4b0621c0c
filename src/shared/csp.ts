/**
 * The Content-Security-Policy sent with every page response, in Electron (app://) and in the
 * browser edition alike: only the app's own files, no inline script, no eval, no remote anything.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  // WebAssembly (the SHA-256 hasher) needs compiling; this allows that and nothing else — no eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers that go with the CSP on every response. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
