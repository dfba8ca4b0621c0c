/** Turns schema issues into messages that name the file and the place: "net.yaml: NET 1.7: questions …". */
import type { z } from 'zod';

/** Walks the raw document along the issue path; the nearest object with an id names the place. */
export function placeOf(document: unknown, path: readonly PropertyKey[]): { owner: string | null; field: string } {
  let node: unknown = document;
  let owner: string | null = null;
  let rest: string[] = [];
  const idOf = (value: unknown) =>
    value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : null;
  // The file's own top-level id is not a place inside it, so only nested objects can own a field.
  path.forEach((key, depth) => {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    rest.push(typeof key === 'number' ? `[${key}]` : String(key));
    const id = depth < path.length - 1 || typeof key === 'number' ? idOf(node) : null;
    if (id) {
      owner = id;
      rest = [];
    }
  });
  return { owner, field: rest.join('.').replace(/\.\[/g, '[') };
}

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'is missing' : `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let node = document;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

/** One message per place: a value of the wrong type also fails the checks that follow, which says nothing new. */
export function describeIssues(file: string, document: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  const seen = new Set<string>();
  const firstPerPlace = issues.filter((issue) => {
    const key = JSON.stringify(issue.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return firstPerPlace.map((issue) => {
    const { owner, field } = placeOf(document, issue.path);
    const where = [file, owner].filter(Boolean).join(': ');
    return `${where}: ${field ? `${field} ` : ''}${describe(issue, valueAt(document, issue.path))}`;
  });
}
