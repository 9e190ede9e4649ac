import { describe, expect, it } from 'vitest';
import { type JsonLimits, jsonShapeProblem, parseBoundedJson } from './bounded-json';

const LIMITS: JsonLimits = { maxBytes: 1000, maxDepth: 3, maxValues: 10 };
const bytes = (text: string) => new TextEncoder().encode(text);
const problem = (text: string, limits = LIMITS) => jsonShapeProblem(bytes(text), limits);

describe('jsonShapeProblem', () => {
  it('passes JSON within the limits', () => {
    expect(problem('{"a":[1,2,{"b":"x"}],"c":null}')).toBeNull();
    expect(problem('"just a string"')).toBeNull();
  });

  it('counts nesting and values', () => {
    expect(problem('[[[1]]]')).toBeNull();
    expect(problem('[[[[1]]]]')).toBe('it is nested more than 3 levels deep');
    expect(problem('[[],[],[]]')).toBeNull(); // depth comes back down
    expect(problem('[0,1,2,3,4,5,6,7,8]')).toBeNull(); // 10: the array and its 9 commas
    expect(problem('[0,1,2,3,4,5,6,7,8,9]')).toBeNull(); // 10: the array and its 9 commas
    expect(problem('[0,1,2,3,4,5,6,7,8,9,10]')).toBe('it holds more than 10 values');
    expect(problem('x'.repeat(1001))).toBe('it is too large (1001 bytes; at most 1000)');
  });

  it('skips strings, escaped quotes and backslashes included', () => {
    expect(problem('["[[[[,,,,,,,,,,,,"]')).toBeNull();
    expect(problem('["a\\"[[[[,,,,,,,,,,,,"]')).toBeNull();
    expect(problem('["a\\\\",[[[1]]]]')).toBe('it is nested more than 3 levels deep'); // "a\\" ends there
    expect(problem('["é ü 中",1]')).toBeNull();
    expect(problem('["unterminated [[[[[')).toBeNull(); // JSON.parse reports it
  });
});

describe('parseBoundedJson', () => {
  it('parses, or says why not, naming the source', () => {
    expect(parseBoundedJson(bytes('{"a":[1]}'), 'f', LIMITS)).toEqual({ a: [1] });
    expect(() => parseBoundedJson(bytes('[[[[1]]]]'), 'f', LIMITS)).toThrow(
      'f is not a Latent Atlas model: it is nested more than 3 levels deep',
    );
    expect(() => parseBoundedJson(bytes('{"a":'), 'f', LIMITS)).toThrow(
      'f is not valid JSON (truncated or corrupted?)',
    );
  });
});
