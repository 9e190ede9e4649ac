// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYERS, type MapContent } from './map-content';
import { translator } from '../../shared/i18n/translate';
import { mapSvg } from './map-svg';
import { mapWords } from './map-words';

function content(count: number): MapContent {
  const codes = Float32Array.from({ length: 2 * count }, (_, i) => ((i * 37) % 17) / 8 - 1);
  const factors = Float32Array.from({ length: 2 * count }, (_, i) => (i % 10) / 9);
  return {
    points: { codes, factors, count },
    colorBy: 'height',
    z: [0, 0],
    tiles: null,
    fields: {
      bounds: { min: [-1, -1], max: [1, 1] },
      isoHeight: [{ level: 0.5, segments: Float32Array.of(-1, 0, 1, 0) }],
      isoRadius: [{ level: 0.25, segments: Float32Array.of(0, -1, 0, 1) }],
      shade: { cols: 1, rows: 1, alpha: new Float32Array(1) },
      spacing: 0.1,
    },
    shade: null,
    layers: DEFAULT_LAYERS,
    hoverIndex: -1,
    pmodel: null,
    prior: false,
    logVar: null,
    epsDraw: -1,
    words: mapWords(translator('en')),
  } as MapContent;
}

describe('mapSvg', () => {
  it('parses as SVG and holds one circle per point, the iso-lines as paths and the legend', () => {
    const vp = { centerZ1: 0, centerZ2: 0, scale: 100, width: 400, height: 300 };
    const svg = mapSvg(content(123), vp, null);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.getAttribute('width')).toBe('400');
    expect(doc.querySelectorAll('g.points circle')).toHaveLength(123);
    expect(doc.querySelectorAll('g.iso-lines path')).toHaveLength(2);
    expect(doc.querySelector('g.legend')?.textContent).toContain('colour: true height');
    expect(doc.querySelector('svg > title')?.textContent).toBe(
      'Latent space map: 123 validation images, coloured by height',
    );
    expect(doc.querySelector('image')).toBeNull();
  });

  it('writes its words in the language it is given', () => {
    const vp = { centerZ1: 0, centerZ2: 0, scale: 100, width: 400, height: 300 };
    const svg = mapSvg({ ...content(3), words: mapWords(translator('zh-CN')) }, vp, null);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('g.legend')?.textContent).toContain('颜色：真实高度');
    expect(doc.querySelector('svg > title')?.textContent).toBe('潜空间图：3 张验证图片，按高度着色');
  });

  it('embeds the tiles as one image when given', () => {
    const vp = { centerZ1: 0, centerZ2: 0, scale: 100, width: 200, height: 200 };
    const c = {
      ...content(3),
      tiles: { image: {} as CanvasImageSource, bounds: { min: [-1, -1], max: [1, 1] }, perSide: 4 },
    } as MapContent;
    const doc = new DOMParser().parseFromString(mapSvg(c, vp, 'data:image/png;base64,AAAA'), 'image/svg+xml');
    const image = doc.querySelector('image');
    expect(image?.getAttribute('href')).toBe('data:image/png;base64,AAAA');
    expect(image?.getAttribute('width')).toBe('200');
  });
});
