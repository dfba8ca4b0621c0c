/**
 * The command line: `tsx src/cli/index.ts <command> …` (npm run cli -- …). Exit codes a script can rely
 * on: 0 success, 2 bad input or usage with one line on stderr, 1 an unexpected failure.
 */
import { runBundle } from './bundleVerify';
import { DocumentLimitError } from '../core/documents/limits';
import { runDemo } from './demo';
import { EXIT, InputError } from './errors';
import { runLog } from './logVerify';
import { runPackage } from './package';
import { runReport } from './report';
import { runSheet } from './sheet';
import { USAGE } from './usage';

/** A command may return its own exit code (log verify: 1 for a broken log); otherwise success is 0. */
const COMMANDS: Record<string, (argv: readonly string[], stdout: (text: string) => void) => void | number | Promise<void | number>> = {
  demo: runDemo,
  report: runReport,
  sheet: runSheet,
  package: runPackage,
  bundle: runBundle,
  log: runLog,
};

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const stdout = (text: string) => void process.stdout.write(text);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    stdout(USAGE);
    return EXIT.ok;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`csms: unknown command "${oneLine(command)}" (commands: ${Object.keys(COMMANDS).join(', ')}; see csms --help)\n`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    stdout(USAGE);
    return EXIT.ok;
  }
  try {
    return (await run(rest, stdout)) ?? EXIT.ok;
  } catch (error) {
    if (error instanceof InputError || error instanceof DocumentLimitError) {
      process.stderr.write(`csms: ${oneLine(error.message)}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `csms: unexpected failure: ${oneLine(message)}${process.env.CSMS_DEBUG ? '' : ' (set CSMS_DEBUG=1 for details)'}\n`,
    );
    if (process.env.CSMS_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT.failure;
  }
}

// A reader that stops early (`csms demo | head`) is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await main(process.argv.slice(2));
