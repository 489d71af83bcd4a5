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

/** A copy of a canvas in a 2D canvas, to read and encode. */
function copyOf(src: HTMLCanvasElement): HTMLCanvasElement {
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height;
  out.getContext('2d', { willReadFrequently: true })!.drawImage(src, 0, 0);
  return out;
}

/** The map as drawn now, at its current pixel ratio, once it is idle; never a blank buffer. */
export async function captureMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  for (let attempt = 0; attempt < 3; attempt++) {
    // The drawing buffer is not kept between frames (a copy of every frame would slow the first load): the frame is
    // copied in the 'idle' handler, which MapLibre calls in the task that drew it, before the browser hands the
    // buffer to the compositor. Drawing it once more to read it would cost a second full frame (about a second in
    // software WebGL at print size).
    const out = await new Promise<HTMLCanvasElement>((resolve) => {
      map.once('idle', () => resolve(copyOf(map.getCanvas())));
      map.triggerRepaint();
    });
    if (distinctColours(out.getContext('2d', { willReadFrequently: true })!, out.width, out.height)) return out;
    await nextFrame();
  }
  throw new Error('Bản đồ chưa vẽ xong, không xuất được ảnh. Vui lòng thử lại.');
}
