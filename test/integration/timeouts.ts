/**
 * How long the integration tests wait on the programs they start. Generous on purpose: on a busy
 * two-core machine (a browser test beside, another build) LibreOffice and friends run several times
 * slower than alone, and a slow machine is not a failure. A hung program still ends the run.
 */

/** One run of a program (LibreOffice, python-docx, pdftotext, the command line, the security lint). */
export const PROGRAM_TIMEOUT_MS = 600_000;

/** A quick question to a program: its version, whether a module imports. */
export const PROBE_TIMEOUT_MS = 120_000;

/**
 * Any integration test or hook (vitest.integration.config.ts): longer than a program's own timeout plus
 * the work around it, so that when a program hangs its own error, with its output, is what fails.
 */
export const PROGRAM_TEST_TIMEOUT_MS = PROGRAM_TIMEOUT_MS + 2 * PROBE_TIMEOUT_MS;
