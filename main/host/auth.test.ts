import { describe, expect, it } from 'vitest';
import { createLoginCodes, LOGIN_CODE_TTL_MS } from './auth';

describe('one-time login codes', () => {
  it('are long random hex strings, each accepted once and refused forever after', () => {
    const codes = createLoginCodes();
    const a = codes.issue();
    const b = codes.issue();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(codes.redeem(a)).toBe(true);
    expect(codes.redeem(a)).toBe(false);
    expect(codes.redeem(b)).toBe(true);
    expect(codes.redeem(b)).toBe(false);
  });

  it('refuses unknown, empty and missing codes', () => {
    const codes = createLoginCodes();
    const code = codes.issue();
    for (const bad of ['0'.repeat(64), code.slice(1), `${code}0`, code.toUpperCase(), '', null, undefined]) {
      expect(codes.redeem(bad)).toBe(false);
    }
    expect(codes.redeem(code)).toBe(true); // the wrong guesses did not spend it
  });

  it('expire after the TTL, used or not', () => {
    let now = 1_000;
    const codes = createLoginCodes(LOGIN_CODE_TTL_MS, () => now);
    const late = codes.issue();
    const inTime = codes.issue();
    now += LOGIN_CODE_TTL_MS - 1;
    expect(codes.redeem(inTime)).toBe(true);
    now += 1;
    expect(codes.redeem(late)).toBe(false);
  });

  it('keeps a bounded number: issuing many drops the oldest', () => {
    const codes = createLoginCodes();
    const first = codes.issue();
    const rest = Array.from({ length: 100 }, () => codes.issue());
    expect(codes.redeem(first)).toBe(false);
    expect(codes.redeem(rest.at(-1))).toBe(true);
  });
});
