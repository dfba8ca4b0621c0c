import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text for the same value whatever the key order', () => {
    expect(canonicalJson({ x: 'ä', y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 'ä' }));
  });

  it('writes strings, numbers and nulls as JSON does', () => {
    expect(canonicalJson(['a"b\n', 1.5, -0, null, true, undefined])).toBe('["a\\"b\\n",1.5,0,null,true,null]');
  });

  it.each([[NaN], [Infinity], [new Date(0)], [new Map()], [() => 1], [BigInt(1)]])('refuses %s', (value) => {
    expect(() => canonicalJson({ value })).toThrow(TypeError);
  });
});
