/**
 * `csms log verify <file>`: checks a change log on its own, from a changelog.jsonl (as in an evidence
 * package) or from the log inside a workbook bundle. Exit 0 with one summary line when every entry
 * links to the one before it and hashes to what it says; exit 1 naming the first broken entry;
 * exit 2 when the file cannot be read as a log at all.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { verifyLogText, type LogTextVerdict } from '../core/audit/logFiles';
import { bundleHeaderSchema } from '../core/bundle/contents';
import { BUNDLE_LIMITS } from '../core/bundle/format';
import { BundleError, readZip } from '../core/bundle/zip';
import { parseArgs } from './args';
import { countingEvidence, openFileSource } from './bundleFiles';
import { isBundleFile } from './bundleInput';
import { EXIT, fsInputError, InputError } from './errors';
import { nodeSha256 } from './nodeSha256';

const COMMAND = 'log verify';
const MIB = 1024 * 1024;

/** The file's bytes as UTF-8 text, read through a stream that stops at the cap, so a huge file is never held. */
async function readCapped(file: string, maxBytes: number): Promise<string> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(`${COMMAND}: ${file}: is a folder, not a file`);
    if (!info.isFile()) throw new InputError(`${COMMAND}: ${file}: not a regular file`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    fsInputError(error, file, 'read it');
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: MIB })) {
      total += (chunk as Buffer).length;
      if (total > maxBytes)
        throw new InputError(`${COMMAND}: ${file}: larger than a change log may be (${Math.round(maxBytes / MIB)} MiB)`);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    fsInputError(error, file, 'read it');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new InputError(`${COMMAND}: ${file}: not a text file (it is not UTF-8), so not a change log`);
  }
}

/** The log inside a bundle, with what the bundle's header says about it. */
async function logOfBundle(file: string): Promise<{ text: string; oneAssessment: boolean; declared?: { count: number; head: string } }> {
  const evidence = countingEvidence();
  const source = await openFileSource(file);
  try {
    const contents = await readZip(source, { evidence: (sha256, size) => evidence.evidence(sha256, size), sha256: nodeSha256 });
    if (contents.texts.log === undefined) throw new InputError(`${COMMAND}: ${file}: the bundle holds no change log`);
    let header;
    try {
      header = bundleHeaderSchema.safeParse(JSON.parse(contents.texts.header ?? 'null'));
    } catch {
      header = null;
    }
    const parsed = header?.success ? header.data : null;
    return {
      text: contents.texts.log,
      oneAssessment: parsed?.scope.kind === 'assessment',
      ...(parsed ? { declared: parsed.log } : {}),
    };
  } catch (error) {
    if (error instanceof BundleError) throw new InputError(`${COMMAND}: ${file}: not a readable bundle: ${error.message}`);
    throw error;
  } finally {
    await source.close();
    await evidence.dispose();
  }
}

function summary(file: string, verdict: Extract<LogTextVerdict, { ok: true }>): string {
  const entries = `${verdict.count.toLocaleString('en')} ${verdict.count === 1 ? 'entry' : 'entries'}`;
  const withheld = verdict.withheld ? ` (${verdict.withheld.toLocaleString('en')} about other records, content left out)` : '';
  const span = verdict.first ? `, first ${verdict.first}, last ${verdict.last}` : '';
  return `${file}: change log intact: ${entries}${withheld}${span}, head ${verdict.head}\n`;
}

async function verify(argv: readonly string[], stdout: (text: string) => void): Promise<number> {
  const args = parseArgs(COMMAND, argv, {});
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new InputError(`${COMMAND}: name the log file, e.g. csms log verify changelog.jsonl`);
  if (extra.length) throw new InputError(`${COMMAND}: unexpected argument ${extra[0]} (one file at a time)`);
  let bundle: Awaited<ReturnType<typeof logOfBundle>> | null = null;
  let text: string;
  try {
    bundle = isBundleFile(file) ? await logOfBundle(file) : null;
    text = bundle?.text ?? (await readCapped(file, BUNDLE_LIMITS.dataFileBytes));
  } catch (error) {
    // The file could not be opened: said as the other refusals are.
    if (error instanceof InputError && !error.message.startsWith(`${COMMAND}: `)) throw new InputError(`${COMMAND}: ${error.message}`);
    throw error;
  }
  const verdict = verifyLogText(text, { allowWithheld: bundle?.oneAssessment ?? true });
  if (!verdict.ok && !verdict.broken) throw new InputError(`${COMMAND}: ${file}: cannot be checked: ${verdict.problem}`);
  let problem = verdict.ok ? null : verdict.problem;
  const declared = bundle?.declared;
  if (verdict.ok && declared && (declared.count !== verdict.count || (verdict.count > 0 && declared.head !== verdict.head)))
    problem = `the log has ${verdict.count} entries ending in ${verdict.head.slice(0, 12)}…, but the bundle says ${declared.count} ending in ${declared.head.slice(0, 12)}…: it was cut or rewritten`;
  if (problem !== null) {
    process.stderr.write(`csms: ${COMMAND}: ${file}: broken: ${problem.replace(/\s*\n\s*/g, ' ')}\n`);
    return EXIT.failure;
  }
  stdout(summary(file, verdict as Extract<LogTextVerdict, { ok: true }>));
  return EXIT.ok;
}

export async function runLog(argv: readonly string[], stdout: (text: string) => void): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') {
    const named = sub === undefined ? 'name a subcommand' : `unknown subcommand "${sub}"`;
    throw new InputError(`log: ${named} (subcommands: verify; see csms --help)`);
  }
  return verify(rest, stdout);
}
