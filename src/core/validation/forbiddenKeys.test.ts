import { describe, expect, it } from 'vitest';
import { describeShapeProblem, findShapeProblem, isForbiddenKey } from './forbiddenKeys';

const LIMITS = { maxDepth: 8, maxValues: 1_000 };

describe('findShapeProblem', () => {
  it('accepts ordinary parsed JSON, including keys that merely contain a reserved word', () => {
    const value = JSON.parse('{"a": [1, {"b": null, "constructorName": "x", "proto": true}], "c": "prototype"}') as unknown;
    expect(findShapeProblem(value, LIMITS)).toBeNull();
    expect(findShapeProblem('text', LIMITS)).toBeNull();
  });

  it.each(['__proto__', 'constructor', 'prototype'])('finds the key %s where JSON.parse put it, with its path', (key) => {
    const value = JSON.parse(`{"requirements": [{"id": "NET 1.1"}, {"id": "x", "${key}": {"polluted": true}}]}`) as unknown;
    const problem = findShapeProblem(value, LIMITS);
    expect(problem).toEqual({ kind: 'forbiddenKey', key, path: 'requirements[1]' });
    expect(describeShapeProblem(problem!)).toBe(`the field name "${key}" in requirements[1] is not allowed; rename or remove it`);
  });

  it('finds a forbidden key at the top level', () => {
    const problem = findShapeProblem(JSON.parse('{"__proto__": 1}'), LIMITS);
    expect(describeShapeProblem(problem!)).toBe('the field name "__proto__" is not allowed; rename or remove it');
  });

  it('refuses deep nesting without overflowing the call stack', () => {
    const depth = 200_000;
    const value = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;
    const problem = findShapeProblem(value, LIMITS);
    expect(problem).toMatchObject({ kind: 'tooDeep', maxDepth: 8 });
    expect(describeShapeProblem(problem!)).toMatch(/^the data is nested more than 8 levels deep \(at \[0\]\[0\]/);
    expect(findShapeProblem(JSON.parse('[[[[[[[[1]]]]]]]]'), LIMITS)).toBeNull();
  });

  it('refuses more values than the cap, counting before it walks them', () => {
    expect(findShapeProblem(new Array(1_000).fill(0), LIMITS)).toEqual({ kind: 'tooManyValues', maxValues: 1_000 });
    expect(findShapeProblem(new Array(999).fill(0), LIMITS)).toBeNull();
    expect(describeShapeProblem({ kind: 'tooManyValues', maxValues: 1_000 })).toBe('the data holds more than 1000 values');
  });

  it('keeps the path in a message short even when the keys are huge', () => {
    const key = 'k'.repeat(10_000);
    const problem = findShapeProblem(JSON.parse(`{"${key}": {"${key}": {"prototype": 1}}}`), LIMITS);
    expect(problem?.kind).toBe('forbiddenKey');
    expect(describeShapeProblem(problem!).length).toBeLessThan(200);
  });
});

describe('isForbiddenKey', () => {
  it('names exactly the three prototype keys', () => {
    expect(['__proto__', 'constructor', 'prototype', 'Constructor', 'id', 'toString'].map(isForbiddenKey)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
