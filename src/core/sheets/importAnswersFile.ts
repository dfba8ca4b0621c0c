/**
 * A chosen file of answers, read under the size cap and handed to the CSV or xlsx reader. The cap is
 * counted on the bytes as they arrive, not taken from the size the file claims, so a file that grows
 * while it is read (or a source that lies) stops at 20 MiB all the same.
 */
import { readAnswersCsv } from './importAnswersCsv';
import { IMPORT_LIMITS, ImportRefused, type RawTable } from './importAnswersTable';
import { readAnswersXlsx } from './importAnswersXlsx';

export interface AnswersFileSource {
  name: string;
  size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

const TOO_LARGE = 'The file is larger than 20 MiB; an answers sheet of one assessment is far smaller.';

export async function readCapped(source: AnswersFileSource, cap: number = IMPORT_LIMITS.fileBytes): Promise<Uint8Array> {
  if (source.size > cap) throw new ImportRefused(TOO_LARGE);
  const parts: Uint8Array[] = [];
  let count = 0;
  for await (const chunk of source.chunks()) {
    count += chunk.byteLength;
    if (count > cap) throw new ImportRefused(TOO_LARGE);
    parts.push(chunk);
  }
  const bytes = new Uint8Array(count);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** The answers table of an .xlsx or .csv file; ImportRefused with a plain sentence when it cannot be used. */
export async function readAnswersFile(source: AnswersFileSource, onStep?: (label: string) => void): Promise<RawTable> {
  onStep?.('Reading the file…');
  const bytes = await readCapped(source);
  const name = source.name.toLowerCase();
  if (name.endsWith('.xlsx') || (!name.endsWith('.csv') && isZip(bytes))) {
    onStep?.('Checking and reading the workbook…');
    return readAnswersXlsx(bytes);
  }
  if (isZip(bytes)) throw new ImportRefused('The file is a zip archive; take the answers CSV file out of it and choose that file.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefused('The file is not UTF-8 text; save it from your spreadsheet program as "CSV UTF-8".');
  }
  onStep?.('Reading the rows…');
  return readAnswersCsv(text, source.name.slice(0, 80));
}
