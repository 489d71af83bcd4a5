import { describe, expect, it } from 'vitest';
import { statusLegend } from '../../shared/lib/statusClasses.js';
import { rasterise } from './mapImage.js';
import { fit, mapSvg, type MapPicture } from './mapSvg.js';
import { bboxOfPosition } from './slides.js';

const square = (x: number, y: number, d: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
const island = { code: '22736', provinceCode: '56', geometry: square(114, 9, 0.1), bbox: [114, 9, 114.1, 9.1] as [number, number, number, number] };

function picture(frame: [number, number, number, number]): MapPicture {
  return {
    width: 800,
    height: 600,
    u: 1,
    units: [
      { code: '1', geometry: square(105, 20, 0.5), fill: '#0072B2', hatched: false, inPlace: true },
      { code: '2', geometry: square(105.5, 20, 0.5), fill: '#D55E00', hatched: false, inPlace: true },
    ],
    highlight: ['2'],
    frame,
    legend: { title: 'Tình trạng công nhận năm 2025', entries: statusLegend({ certified: 1, notCertified: 1, notAssessed: 0, noData: 0 }) },
    islands: [island],
    islandFill: () => '#0072B2',
    coast: [],
    islandLabels: [{ name: 'Quần đảo Trường Sa', lng: 114.05, lat: 9.05 }],
  };
}

describe('the server-drawn map', () => {
  it('fits the frame in Web Mercator, centred', () => {
    const { project, k } = fit([100, 0, 110, 10], 0, 0, 1000, 1000);
    const [x0, y0] = project(100, 10);
    const [x1, y1] = project(110, 0);
    expect(x1 - x0).toBeCloseTo(((10 * Math.PI) / 180) * k, 6);
    expect(y1 - y0).toBeGreaterThan(x1 - x0); // Mercator stretches latitudes
    expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(0);
  });

  it('draws the units, the outlined commune, the legend, the scale bar, and the islands in an inset when out of view', () => {
    const svg = mapSvg(picture([104.9, 19.9, 106.1, 20.6]));
    expect(svg).toContain('fill="#0072B2"');
    expect(svg).toContain('fill="#D55E00"');
    expect(svg).toContain('Quần đảo Hoàng Sa, Trường Sa');
    expect(svg).toContain('Tình trạng công nhận năm 2025');
    expect(svg).toContain('Không có số liệu');
    expect(svg).toMatch(/>\d+ km</);
    expect(svg).toMatch(/stroke="#111111" stroke-width="3"/);
    // A view that shows the islands whole needs no inset.
    expect(mapSvg({ ...picture([104, 8, 115, 21]) })).not.toContain('Quần đảo Hoàng Sa, Trường Sa');
  });

  it('rasterises to a PNG of the picture’s size with its colours', async () => {
    const { PNG } = await import('pngjs');
    const png = PNG.sync.read(rasterise(mapSvg(picture([104.9, 19.9, 106.1, 20.6]))));
    expect([png.width, png.height]).toEqual([800, 600]);
    let blue = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === 0x00 && png.data[i + 1] === 0x72 && png.data[i + 2] === 0xb2) blue++;
    expect(blue).toBeGreaterThan(10_000);
  });

  it('takes a saved map position as seen on the page', () => {
    const b = bboxOfPosition({ zoom: 8, lat: 21, lng: 106 });
    expect(b[0]).toBeLessThan(106);
    expect(b[2]).toBeGreaterThan(106);
    expect((b[0] + b[2]) / 2).toBeCloseTo(106, 6);
    expect(b[2] - b[0]).toBeCloseTo((1280 / (512 * 256)) * 360, 6);
    expect(b[1]).toBeLessThan(21);
    expect(b[3]).toBeGreaterThan(21);
  });
});
