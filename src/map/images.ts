// Hatch patterns and point symbols, drawn at run time so the map needs no sprite file or network.
// Hatching carries a place's status, so status never depends on colour alone (WCAG 1.4.1).
import type { Palette } from './palette.ts';

export interface MapImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  pixelRatio: number;
}

const RATIO = 2;

function draw(size: number, paint: (ctx: CanvasRenderingContext2D, s: number) => void): MapImage {
  const px = size * RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.scale(RATIO, RATIO);
  paint(ctx, size);
  return { width: px, height: px, data: ctx.getImageData(0, 0, px, px).data, pixelRatio: RATIO };
}

/** Lines that tile seamlessly: each stroke is drawn again one tile over. */
function hatch(color: string, spacing: number, width: number, direction: 1 | -1): MapImage {
  return draw(spacing, (ctx, s) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.lineCap = 'square';
    for (const offset of [-s, 0, s]) {
      ctx.beginPath();
      if (direction === 1) {
        ctx.moveTo(offset, s);
        ctx.lineTo(offset + s, 0);
      } else {
        ctx.moveTo(offset, 0);
        ctx.lineTo(offset + s, s);
      }
      ctx.stroke();
    }
  });
}

export function mapImages(p: Palette): Record<string, MapImage> {
  return {
    // The two status hatchings: dense rising lines, and wider falling ones. Distinct without colour.
    hatch: hatch(p.hatch, 6, 1.6, 1),
    'hatch-wide': hatch(p.hatchWide, 9, 1.4, -1),
    'icon-city': draw(14, (ctx) => {
      ctx.beginPath();
      ctx.arc(7, 7, 4.5, 0, Math.PI * 2);
      ctx.fillStyle = p.city;
      ctx.fill();
      ctx.lineWidth = 2;
      ctx.strokeStyle = p.labelHalo;
      ctx.stroke();
    }),
    'icon-site': draw(14, (ctx) => {
      ctx.beginPath();
      ctx.moveTo(7, 1.5);
      ctx.lineTo(12.5, 7);
      ctx.lineTo(7, 12.5);
      ctx.lineTo(1.5, 7);
      ctx.closePath();
      ctx.fillStyle = p.site;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = p.labelHalo;
      ctx.stroke();
    }),
    'icon-incident': draw(18, (ctx) => {
      // A burst: the conventional mark for a strike or downing.
      ctx.beginPath();
      for (let i = 0; i < 16; i++) {
        const r = i % 2 === 0 ? 8 : 3.8;
        const a = (i * Math.PI) / 8 - Math.PI / 2;
        ctx.lineTo(9 + r * Math.cos(a), 9 + r * Math.sin(a));
      }
      ctx.closePath();
      ctx.fillStyle = p.incident;
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = p.labelHalo;
      ctx.stroke();
    }),
  };
}
