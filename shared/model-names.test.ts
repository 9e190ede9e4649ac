import { describe, expect, it } from 'vitest';
import { ladderName, parseModelName, trainedName, trainingName } from './model-names';

describe('the names the engine gives its models', () => {
  it('read back to what they say, and any other name to null', () => {
    expect(parseModelName(trainedName({ kind: 'vae', align: 0.5 }))).toEqual({
      kind: 'trained',
      model: 'VAE',
      align: '0.5',
    });
    expect(parseModelName(trainingName({ kind: 'ae', align: 0 }))).toEqual({
      kind: 'training',
      model: 'AE',
      align: '0',
    });
    expect(parseModelName(ladderName(0.1, 3))).toEqual({ kind: 'ladder', beta: '0.1', seed: '3' });
    expect(parseModelName('My cylinders, take 2')).toBeNull();
    expect(parseModelName('Trained AE (λ = 0) copy')).toBeNull();
  });
});
