/** YAML reading shared by every content file: one mapping per file, no custom tags, few aliases. */
import { parse, YAMLParseError } from 'yaml';

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

export const MAX_CONTENT_FILE_CHARS = 2_000_000;

export function parseYaml(name: string, text: string): Parsed {
  if (text.length > MAX_CONTENT_FILE_CHARS) return { ok: false, error: `${name}: the file is too large to be a catalogue` };
  try {
    return { ok: true, value: parse(text, { maxAliasCount: 20, uniqueKeys: true, customTags: [], merge: false }) };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      return { ok: false, error: `${name}${at ? ` line ${at.line}` : ''}: ${error.message.split('\n')[0]}` };
    }
    return { ok: false, error: `${name}: could not be read as YAML` };
  }
}
