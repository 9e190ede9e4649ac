import { describe, expect, it } from 'vitest';
import { CHART_PADDING, epochTicks, formatLoss, logTicks, lossChartGeometry } from './loss-chart';

describe('lossChartGeometry', () => {
  const train = [
    { epoch: 0.5, loss: 0.1 },
    { epoch: 1, loss: 0.01 },
  ];
  const val = [{ epoch: 1, loss: 0.01 }];
  const g = lossChartGeometry(train, val, 2, 240, 128);

  it('maps epochs across the plot and log-loss from top to bottom', () => {
    const plotW = 240 - CHART_PADDING.left - CHART_PADDING.right;
    const plotH = 128 - CHART_PADDING.top - CHART_PADDING.bottom;
    const x05 = CHART_PADDING.left + plotW / 4;
    const x1 = CHART_PADDING.left + plotW / 2;
    expect(g.trainPath).toBe(
      `M${x05.toFixed(1)},${CHART_PADDING.top.toFixed(1)}L${x1.toFixed(1)},${(CHART_PADDING.top + plotH).toFixed(1)}`,
    );
    expect(g.valDots).toEqual([{ x: x1, y: CHART_PADDING.top + plotH }]);
    expect(g.valPath.startsWith('M')).toBe(true);
  });

  it('skips non-finite losses instead of breaking the path', () => {
    const bad = lossChartGeometry(
      [
        { epoch: 0.2, loss: NaN },
        { epoch: 0.4, loss: 0.05 },
      ],
      [],
      1,
      200,
      100,
    );
    expect(bad.trainPath).toMatch(/^M[\d.]+,[\d.]+$/);
  });

  it('labels ticks', () => {
    expect(g.yTicks.map((t) => t.label)).toEqual(['0.01', '0.02', '0.05', '0.1']);
    expect(g.xTicks.map((t) => t.label)).toEqual(['0', '1', '2']);
  });
});

describe('ticks', () => {
  it('chooses round epoch steps', () => {
    expect(epochTicks(30)).toEqual([0, 10, 20, 30]);
    expect(epochTicks(3)).toEqual([0, 1, 2, 3]);
  });
  it('adds 2× and 5× ticks on narrow ranges', () => {
    expect(logTicks(-2, -1)).toEqual([0.01, 0.02, 0.05, 0.1]);
    expect(logTicks(-4, 0)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
  });
  it('formats losses compactly', () => {
    expect(formatLoss(0.0123)).toBe('0.012');
    expect(formatLoss(2e-4)).toBe('2e-4');
  });
});

describe('the reconstruction term', () => {
  it('gets its own curve, inside the y range', () => {
    const train = [
      { epoch: 0.5, loss: 0.1 },
      { epoch: 1, loss: 0.05 },
    ];
    const recon = [
      { epoch: 0.5, loss: 0.001 },
      { epoch: 1, loss: 0.0008 },
    ];
    const g = lossChartGeometry(train, [], 2, 300, 120, recon);
    expect(g.reconPath).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    // The y axis now reaches down to the reconstruction's decade.
    expect(g.yTicks.some((t) => t.label.includes('0.001') || t.label.includes('1e-3'))).toBe(true);
    expect(lossChartGeometry(train, [], 2, 300, 120).reconPath).toBe('');
  });
});
