import { describe, expect, it } from 'vitest';
import { countOf, kindPhrase } from './wording';

describe('countOf', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countOf(1, 'epoch')).toBe('1 epoch');
    expect(countOf(0, 'epoch')).toBe('0 epochs');
    expect(countOf(2, 'epoch')).toBe('2 epochs');
    expect(countOf(1.5, 'second')).toBe('1.5 seconds');
  });

  it('groups thousands and takes irregular plurals', () => {
    expect(countOf(4000, 'image')).toBe('4,000 images');
    expect(countOf(3, 'family', 'families')).toBe('3 families');
  });
});

describe('kindPhrase', () => {
  it('puts the right article before each kind', () => {
    expect(kindPhrase('ae')).toBe('an autoencoder');
    expect(kindPhrase('vae')).toBe('a VAE');
  });
});
