import { NO_DATA_COLOR, NO_DATA_HATCH } from '../../shared/lib/statusClasses.js';
import { INK, type Mark } from '../../shared/export/mapMarks.js';

const FONT = "'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif";
/** The exports' canvas font at a size in pixels. */
export const font = (px: number, bold = false) => `${bold ? '700 ' : ''}${px}px ${FONT}`;

function hatchPattern(ctx: CanvasRenderingContext2D, u: number): CanvasPattern | string {
  const size = Math.max(4, Math.round(8 * u));
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const p = c.getContext('2d')!;
  p.fillStyle = NO_DATA_COLOR;
  p.fillRect(0, 0, size, size);
  p.strokeStyle = NO_DATA_HATCH;
  p.lineWidth = Math.max(1, 1.6 * u);
  p.beginPath();
  for (const o of [-size, 0, size]) {
    p.moveTo(o, size);
    p.lineTo(o + size, 0);
  }
  p.stroke();
  return ctx.createPattern(c, 'repeat') ?? NO_DATA_COLOR;
}

/** The marks of the shared layout (shared/export/mapMarks) on a canvas; `u` sizes the hatch of "no data". */
export function drawMarks(ctx: CanvasRenderingContext2D, marks: readonly Mark[], u: number) {
  for (const m of marks) {
    ctx.save();
    if (m.kind === 'text') {
      ctx.fillStyle = INK;
      ctx.font = font(m.px, m.bold);
      ctx.textAlign = m.align;
      ctx.fillText(m.text, m.x, m.y);
    } else if (m.kind === 'rect') {
      ctx.globalAlpha = m.opacity ?? 1;
      if (m.fill) {
        ctx.fillStyle = m.hatched ? hatchPattern(ctx, u) : m.fill;
        ctx.fillRect(m.x, m.y, m.w, m.h);
      }
      ctx.globalAlpha = 1;
      if (m.stroke) {
        ctx.strokeStyle = m.stroke;
        ctx.lineWidth = m.lineWidth ?? 1;
        ctx.strokeRect(m.x, m.y, m.w, m.h);
      }
    } else if (m.kind === 'circle') {
      ctx.globalAlpha = m.opacity ?? 1;
      ctx.fillStyle = m.fill;
      ctx.beginPath();
      ctx.arc(m.cx, m.cy, m.r, 0, 2 * Math.PI);
      ctx.fill();
    } else {
      ctx.fillStyle = m.fill;
      ctx.beginPath();
      m.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      ctx.closePath();
      ctx.fill();
      if (m.stroke) {
        ctx.strokeStyle = m.stroke;
        ctx.lineWidth = m.lineWidth ?? 1;
        ctx.stroke();
      }
    }
    ctx.restore();
  }
}
