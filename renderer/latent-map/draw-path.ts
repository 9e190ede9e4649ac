/**
 * A walk or a keyframed path on the map (issue 13): its points joined by a line, each point a small
 * dot, and named marks (A, B, the keyframes' numbers) in rings.
 */
import { latentToScreen, type Viewport } from './viewport';

/** What the map draws of a path: its lines (interleaved points each) and its labelled marks. */
export interface MapPath {
  lines: Float32Array[];
  marks: { z: [number, number]; label: string }[];
}

const PATH_COLOR = '#ff9e64';

export function drawPath(ctx: CanvasRenderingContext2D, vp: Viewport, path: MapPath): void {
  ctx.save();
  ctx.strokeStyle = PATH_COLOR;
  ctx.fillStyle = PATH_COLOR;
  ctx.lineWidth = 1.6;
  for (const line of path.lines) {
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    for (let i = 0; i + 1 < line.length; i += 2) {
      const p = latentToScreen(vp, { z1: line[i]!, z2: line[i + 1]! });
      if (i === 0) ctx.moveTo(p.x, p.y);
      else ctx.lineTo(p.x, p.y);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    for (let i = 0; i + 1 < line.length; i += 2) {
      const p = latentToScreen(vp, { z1: line[i]!, z2: line[i + 1]! });
      ctx.beginPath();
      ctx.arc(p.x, p.y, 2, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  ctx.font = '700 10px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const m of path.marks) {
    const p = latentToScreen(vp, { z1: m.z[0], z2: m.z[1] });
    ctx.fillStyle = '#0b0e13';
    ctx.beginPath();
    ctx.arc(p.x, p.y, 8, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = PATH_COLOR;
    ctx.fillText(m.label, p.x, p.y + 0.5);
  }
  ctx.restore();
}
