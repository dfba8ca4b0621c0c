/**
 * Checks a value parsed from a user's file before anything reads its fields: no key that could reach
 * an object's prototype (`__proto__`, `constructor`, `prototype`), and bounded nesting and size.
 * The walk uses its own stack, so a file nested a million levels deep cannot overflow the call stack.
 */

/** Key names that touch the prototype chain when used as a property name on a plain object. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.includes(key);
}

export interface ShapeLimits {
  /** How many arrays/objects may sit inside each other; the top-level value is depth 1. */
  maxDepth: number;
  /** How many values (containers and leaves, the top-level value included) the whole value may hold. */
  maxValues: number;
}

export type ShapeProblem =
  | { kind: 'forbiddenKey'; key: string; path: string }
  | { kind: 'tooDeep'; maxDepth: number; path: string }
  | { kind: 'tooManyValues'; maxValues: number };

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | null;
  key: string | number | null;
}

/** Paths are shortened so that hostile keys or deep nesting cannot make the message itself huge. */
const SEGMENT_CHARS = 40;
const PATH_CHARS = 200;

function pathOf(frame: Frame | null): string {
  const segments: string[] = [];
  for (let f = frame; f && f.key !== null; f = f.parent) {
    if (typeof f.key === 'number') segments.push(`[${f.key}]`);
    else {
      const key = f.key.length > SEGMENT_CHARS ? `${f.key.slice(0, SEGMENT_CHARS)}…` : f.key;
      segments.push(/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);
    }
  }
  const path = segments.reverse().join('').replace(/^\./, '');
  return path.length > PATH_CHARS ? `${path.slice(0, PATH_CHARS)}…` : path;
}

/** The first problem found, or null when the value is safe to read. */
export function findShapeProblem(value: unknown, limits: ShapeLimits): ShapeProblem | null {
  if (value === null || typeof value !== 'object') return null;
  // Only arrays and objects are ever stacked.
  const stack: Frame[] = [{ value, depth: 1, parent: null, key: null }];
  let values = 1;
  while (stack.length) {
    const frame = stack.pop()!;
    if (frame.depth > limits.maxDepth) return { kind: 'tooDeep', maxDepth: limits.maxDepth, path: pathOf(frame) };
    const node = frame.value as Record<string, unknown>;
    const keys = Array.isArray(node) ? null : Object.keys(node);
    const count = keys ? keys.length : (frame.value as unknown[]).length;
    // Counted before the children are stacked, so the stack itself stays within the cap.
    values += count;
    if (values > limits.maxValues) return { kind: 'tooManyValues', maxValues: limits.maxValues };
    const forbidden = keys?.find(isForbiddenKey);
    if (forbidden !== undefined) return { kind: 'forbiddenKey', key: forbidden, path: pathOf(frame) };
    // Stacked in reverse, so problems are found in the order they appear in the file. Leaves are
    // counted above and never stacked: a long flat list costs no memory here.
    for (let i = count - 1; i >= 0; i -= 1) {
      const key = keys ? keys[i]! : i;
      const child = node[key];
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
    }
  }
  return null;
}

/** One sentence for a person, without the file name (the caller puts it in front). */
export function describeShapeProblem(problem: ShapeProblem): string {
  switch (problem.kind) {
    case 'forbiddenKey':
      return `the field name "${problem.key}"${problem.path ? ` in ${problem.path}` : ''} is not allowed; rename or remove it`;
    case 'tooDeep':
      return `the data is nested more than ${problem.maxDepth} levels deep${problem.path ? ` (at ${problem.path})` : ''}`;
    case 'tooManyValues':
      return `the data holds more than ${problem.maxValues} values`;
  }
}
