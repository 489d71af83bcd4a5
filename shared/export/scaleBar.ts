import { formatCount } from '../lib/format.js';

/** Equatorial circumference of the WGS 84 ellipsoid (Web Mercator sphere), metres. */
export const EARTH_CIRCUMFERENCE = 40_075_016.686;

/**
 * Ground metres per pixel at a latitude and zoom of MapLibre's Web Mercator (512-pixel tiles);
 * `pixelRatio` device pixels per CSS pixel (an export rendered at 2× has half the metres per pixel).
 */
export function metresPerPixel(lat: number, zoom: number, pixelRatio = 1): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom) / pixelRatio;
}

export interface ScaleBar {
  /** The length the bar stands for, metres: 1, 2 or 5 × 10ⁿ. */
  metres: number;
  /** Its length in pixels. */
  px: number;
  label: string;
  /** Tick marks along the bar (0, half, full), with their labels. */
  ticks: { px: number; label: string }[];
}

const distance = (m: number) => (m >= 1000 ? `${formatCount(m / 1000)} km` : `${formatCount(m)} m`);

/** The longest round distance that fits in `maxPx` pixels at `mpp` metres per pixel. */
export function scaleBar(mpp: number, maxPx: number): ScaleBar {
  if (!(mpp > 0) || !(maxPx > 0)) throw new Error('scaleBar: metres per pixel and width must be positive');
  const maxM = mpp * maxPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const metres = [5, 2, 1].map((n) => n * pow).find((m) => m <= maxM) ?? pow;
  const px = metres / mpp;
  const label = distance(metres);
  return {
    metres,
    px,
    label,
    ticks: [
      { px: 0, label: '0' },
      { px: px / 2, label: distance(metres / 2) },
      { px, label },
    ],
  };
}
