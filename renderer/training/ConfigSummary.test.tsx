import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { ConfigSummary } from './ConfigSummary';
import { draftFromConfig } from './validate-config';

function summary(epochs: number): string {
  const draft = draftFromConfig({ ...DEFAULT_TRAIN_CONFIG, epochs });
  return renderToStaticMarkup(createElement(ConfigSummary, { draft, onEdit: () => {}, canEdit: false }));
}

describe('ConfigSummary', () => {
  it('counts epochs and images in English', () => {
    expect(summary(1)).toContain('4,000 images · 1 epoch ·');
    expect(summary(30)).toContain('30 epochs');
  });
});
