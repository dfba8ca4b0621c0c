/**
 * The repositories check input and records with the core schemas (core/records/schema, inputs) and
 * refuse with one plain sentence built from the schema's own message: "The action was not saved: …", and
 * for text over its limit what to do about it.
 */
import type { z } from 'zod';
import { WorkbookError } from '../errors';

export interface Subject {
  /** What was not saved: "action", "link", "answer". */
  what: string;
  /** Whose fields an unknown key is said not to be; `what` when not given. */
  record?: string;
  /** How unknown keys (quoted, comma-separated) are worded, where "there is no … field" would mislead. */
  unknownKey?: (keys: string) => string;
}

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
};

/** Words the issues whose schema gave no message of its own. */
function plainly(subject: Subject): z.core.$ZodErrorMap {
  return (issue) => {
    const field = issue.path?.length ? `"${issue.path.join('.')}"` : 'it';
    switch (issue.code) {
      case 'unrecognized_keys': {
        const keys = issue.keys.map((key) => `"${key}"`).join(', ');
        return subject.unknownKey?.(keys) ?? `there is no ${subject.record ?? subject.what} field ${keys}`;
      }
      case 'invalid_type':
        return issue.input === undefined ? `${field} is missing` : `${field} must be ${KINDS[issue.expected] ?? issue.expected}`;
      case 'too_small':
        return `${field} must be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}`;
      case 'too_big':
        return `${field} must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}`;
      default:
        // zod's own wording ("Invalid input: …") is for programmers; a person is told what is wrong with which field.
        return `${field} is not in a form the workbook accepts`;
    }
  };
}

/** What to do about a value over its limit; other refusals already say what is wanted. */
function remedy(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'too_big') return '';
  if (issue.origin === 'string') return ' Shorten it, then it is saved.';
  if (issue.origin === 'array') return ' Remove some entries, then it is saved.';
  return '';
}

/** One refusal as the person reads it: what was not saved, what is wrong (with the limit), and what to do. */
export function refusalSentence(what: string, issue: z.core.$ZodIssue): string {
  return `The ${what} was not saved: ${issue.message}.${remedy(issue)}`;
}

/** The value as the schema reads it, or a WorkbookError naming the first thing wrong. */
export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown, subject: Subject): z.output<S> {
  const result = schema.safeParse(value, { error: plainly(subject) });
  if (!result.success) throw new WorkbookError(refusalSentence(subject.what, result.error.issues[0]!), 'invalid');
  return result.data;
}

/** The fields named: a key whose value is undefined is not named, so it never blanks a stored value. */
export function named<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}
