/**
 * The latent map as an SVG document (issue 13's exports, for papers): the points, the iso-lines of
 * height and radius, the axes with their ticks and names, and a colour legend as vectors; the
 * decoded tiles as one embedded PNG. What is drawn is the view on screen (the same viewport).
 */
import { FACTORS } from '../../shared/factors';
import { ticks, tickStep } from './axis-labels';
import { viridisCss } from './colormap';
import type { MapContent, TileSheet } from './map-content';
import type { MapWords } from './map-words';
import {
  AXIS,
  AXIS_LABEL,
  AXIS_ZERO,
  BACKGROUND,
  ISO_HEIGHT_COLOR,
  ISO_RADIUS_COLOR,
  POINT_OUTLINE,
} from './map-palette';
import { latentToScreen, visibleBounds, type Viewport } from './viewport';

const POINT_RADIUS = 2.6;
const LEGEND_STOPS = 9;

const n = (v: number) => (Math.round(v * 100) / 100).toString();
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The SVG text of the map: `content` and `vp` as the map draws them, `tilesPng` the decoded tiles'
 * sheet as a PNG data URL (or null to leave them out).
 *
 * @example mapSvg(content, vp, null) // '<svg xmlns="http://www.w3.org/2000/svg" …>…</svg>'
 */
export function mapSvg(content: MapContent, vp: Viewport, tilesPng: string | null): string {
  const { width: w, height: h } = vp;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif">`,
    `<title>${esc(content.words.svgTitle(content.points?.count ?? 0, content.colorBy))}</title>`,
    `<rect width="${w}" height="${h}" fill="${BACKGROUND}"/>`,
  ];
  if (tilesPng && content.tiles && content.layers.showTiles)
    out.push(tilesImage(vp, content.tiles, tilesPng));
  out.push(axes(vp, content.words));
  if (content.layers.showContours && content.fields) {
    out.push(isoPaths(vp, content.fields.isoHeight, ISO_HEIGHT_COLOR, '', content.words));
    out.push(
      isoPaths(vp, content.fields.isoRadius, ISO_RADIUS_COLOR, ' stroke-dasharray="5 4"', content.words),
    );
  }
  out.push(points(vp, content));
  out.push(legend(content, w, h));
  out.push('</svg>');
  return out.join('\n');
}

function tilesImage(vp: Viewport, tiles: TileSheet, href: string): string {
  const a = latentToScreen(vp, { z1: tiles.bounds.min[0], z2: tiles.bounds.max[1] });
  const b = latentToScreen(vp, { z1: tiles.bounds.max[0], z2: tiles.bounds.min[1] });
  return `<image href="${href}" x="${n(a.x)}" y="${n(a.y)}" width="${n(b.x - a.x)}" height="${n(b.y - a.y)}" opacity="0.62" preserveAspectRatio="none"/>`;
}

function axes(vp: Viewport, words: MapWords): string {
  const vis = visibleBounds(vp);
  const step = tickStep(vp.scale);
  const parts: string[] = ['<g class="axes" stroke-width="1">'];
  const labels: string[] = [
    `<g class="ticks" fill="${AXIS_LABEL}" font-size="10.5" font-family="ui-monospace, monospace">`,
  ];
  for (const v of ticks(vis.min[0], vis.max[0], step)) {
    const x = latentToScreen(vp, { z1: v, z2: 0 }).x;
    parts.push(
      `<line x1="${n(x)}" y1="0" x2="${n(x)}" y2="${vp.height}" stroke="${Math.abs(v) < step / 2 ? AXIS_ZERO : AXIS}"/>`,
    );
    labels.push(`<text x="${n(x + 3)}" y="${vp.height - 6}">${n(v)}</text>`);
  }
  for (const v of ticks(vis.min[1], vis.max[1], step)) {
    const y = latentToScreen(vp, { z1: 0, z2: v }).y;
    parts.push(
      `<line x1="0" y1="${n(y)}" x2="${vp.width}" y2="${n(y)}" stroke="${Math.abs(v) < step / 2 ? AXIS_ZERO : AXIS}"/>`,
    );
    labels.push(`<text x="4" y="${n(y - 3)}">${n(v)}</text>`);
  }
  parts.push('</g>');
  labels.push('</g>');
  const names = `<g fill="#e4e8ef" font-size="12" font-weight="600"><text x="${vp.width - 8}" y="${vp.height - 20}" text-anchor="end">${esc(words.axisZ1)}</text><text x="8" y="16">${esc(words.axisZ2)}</text></g>`;
  return [...parts, ...labels, names].join('\n');
}

function isoPaths(
  vp: Viewport,
  lines: readonly { level: number; segments: Float32Array }[],
  color: string,
  dash: string,
  words: MapWords,
): string {
  const out: string[] = [];
  for (const line of lines) {
    const s = line.segments;
    const d: string[] = [];
    for (let i = 0; i + 3 < s.length; i += 4) {
      const a = latentToScreen(vp, { z1: s[i]!, z2: s[i + 1]! });
      const b = latentToScreen(vp, { z1: s[i + 2]!, z2: s[i + 3]! });
      d.push(`M${n(a.x)} ${n(a.y)}L${n(b.x)} ${n(b.y)}`);
    }
    if (d.length === 0) continue;
    const main = Math.abs(line.level - 0.5) < 1e-6;
    out.push(
      `<path d="${d.join('')}" fill="none" stroke="${color}" stroke-width="${main ? 1.8 : 1}" opacity="${main ? 1 : 0.7}"${dash}><title>${esc(words.isoLevel(n(line.level)))}</title></path>`,
    );
  }
  return `<g class="iso-lines">${out.join('\n')}</g>`;
}

function points(vp: Viewport, content: MapContent): string {
  const pts = content.points;
  if (!pts) return '<g class="points"/>';
  const channel = FACTORS.indexOf(content.colorBy);
  const out: string[] = [`<g class="points" stroke="${POINT_OUTLINE}" stroke-width="0.8">`];
  for (let i = 0; i < pts.count; i++) {
    const p = latentToScreen(vp, { z1: pts.codes[2 * i]!, z2: pts.codes[2 * i + 1]! });
    out.push(
      `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="${POINT_RADIUS}" fill="${viridisCss(pts.factors[2 * i + channel]!)}"/>`,
    );
  }
  out.push('</g>');
  return out.join('\n');
}

function legend(content: MapContent, w: number, h: number): string {
  const words = content.words;
  const scale = words.factor[content.colorBy];
  const x = w - 190;
  const y = 12;
  const stops = Array.from(
    { length: LEGEND_STOPS },
    (_, k) =>
      `<stop offset="${n(k / (LEGEND_STOPS - 1))}" stop-color="${viridisCss(k / (LEGEND_STOPS - 1))}"/>`,
  ).join('');
  return [
    `<defs><linearGradient id="viridis">${stops}</linearGradient></defs>`,
    `<g class="legend" font-size="11" fill="#e4e8ef">`,
    `<rect x="${x - 8}" y="${y - 4}" width="186" height="${content.layers.showContours ? 58 : 34}" rx="6" fill="${BACKGROUND}" opacity="0.85"/>`,
    `<text x="${x}" y="${y + 9}">${esc(words.svgColour(content.colorBy))}</text>`,
    `<text x="${x}" y="${y + 25}" fill="#7f8a9c">${esc(scale.low)}</text>`,
    `<rect x="${x + 40}" y="${y + 17}" width="90" height="9" rx="3" fill="url(#viridis)"/>`,
    `<text x="${x + 136}" y="${y + 25}" fill="#7f8a9c">${esc(scale.high)}</text>`,
    content.layers.showContours
      ? `<line x1="${x}" y1="${y + 40}" x2="${x + 18}" y2="${y + 40}" stroke="${ISO_HEIGHT_COLOR}" stroke-width="1.8"/><text x="${x + 22}" y="${y + 44}">${esc(words.isoHeight)}</text><line x1="${x + 90}" y1="${y + 40}" x2="${x + 108}" y2="${y + 40}" stroke="${ISO_RADIUS_COLOR}" stroke-width="1.8" stroke-dasharray="5 4"/><text x="${x + 112}" y="${y + 44}">${esc(words.isoRadius)}</text>`
      : '',
    '</g>',
    `<text x="8" y="${h - 24}" font-size="10" fill="#7f8a9c">${esc(words.brand)}</text>`,
  ].join('\n');
}
