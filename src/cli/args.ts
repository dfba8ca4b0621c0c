/** A small, strict argument parser: known flags only, each at most once, clear messages. */
import { InputError } from './errors';

export interface FlagSpec {
  /** A flag that takes a value (`--out file`, `--out=file`), or a switch (`--comments`). */
  [flag: string]: 'value' | 'switch';
}

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

export function parseArgs(command: string, argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new InputError(`${command}: unknown option ${arg} (see csms --help)`);
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const kind = spec[flag];
    if (!kind) throw new InputError(`${command}: unknown option --${flag} (see csms --help)`);
    if (parsed.values.has(flag) || parsed.switches.has(flag)) throw new InputError(`${command}: --${flag} is given more than once`);
    if (kind === 'switch') {
      if (eq !== -1) throw new InputError(`${command}: --${flag} takes no value`);
      parsed.switches.add(flag);
      continue;
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '' || (eq === -1 && value.startsWith('--')))
      throw new InputError(`${command}: --${flag} needs a value`);
    parsed.values.set(flag, value);
  }
  return parsed;
}

/** The options of the commands that build documents (report, package). */
export const DOCUMENT_FLAGS: FlagSpec = {
  out: 'value',
  doc: 'value',
  marking: 'value',
  revision: 'value',
  assessment: 'value',
  comments: 'switch',
  'licensed-text': 'switch',
};
