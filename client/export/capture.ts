import type { Map as MapLibreMap } from 'maplibre-gl';

const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

/** True when the image has at least `min` distinct colours in a coarse sample (a blank WebGL canvas has one). */
function distinctColours(ctx: CanvasRenderingContext2D, w: number, h: number, min = 8): boolean {
  const d = ctx.getImageData(0, 0, w, h).data;
  const seen = new Set<number>();
  const step = Math.max(1, Math.floor((w * h) / 20_000));
  for (let i = 0; i < w * h; i += step) {
    seen.add((d[i * 4] << 16) | (d[i * 4 + 1] << 8) | d[i * 4 + 2]);
    if (seen.size >= min) return true;
  }
  return false;
}

/** The map drawn at `ratio` device pixels per CSS pixel, copied into a 2D canvas. */
export async function renderMap(map: MapLibreMap, ratio: number): Promise<HTMLCanvasElement> {
  const before = map.getPixelRatio();
  try {
    map.setPixelRatio(ratio);
    return await captureMap(map);
  } finally {
    map.setPixelRatio(before);
    map.triggerRepaint();
  }
}

/** The map as drawn now, at its current pixel ratio, once it is idle; never a blank buffer. */
export async function captureMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await new Promise<void>((resolve) => {
      map.once('idle', () => resolve());
      map.triggerRepaint();
    });
    // The drawing buffer is not kept between frames (a copy of every frame would slow the first load): a frame
    // drawn now, synchronously, is read in the same task, before the browser hands it to the compositor
    // (a full frame costs about a second in software WebGL at print size).
    map.redraw();
    const src = map.getCanvas();
    const out = document.createElement('canvas');
    out.width = src.width;
    out.height = src.height;
    const ctx = out.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(src, 0, 0);
    if (distinctColours(ctx, out.width, out.height)) return out;
    await nextFrame();
  }
  throw new Error('Bản đồ chưa vẽ xong, không xuất được ảnh. Vui lòng thử lại.');
}
