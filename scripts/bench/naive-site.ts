import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from '../../server/config.js';

const MAPLIBRE_DIST = join(ROOT, 'node_modules', 'maplibre-gl', 'dist');
const TYPES: Record<string, string> = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.css': 'text/css' };

/**
 * The minimal MapLibre page most portals start from: one GeoJSON of every commune handed to a
 * geojson source, coloured by a property with a data-driven fill. It signals "fully coloured" the way
 * the portal does (.map[data-map-ready="true"]), once the source is loaded and the map is idle.
 */
function naivePage(bbox: [number, number, number, number]): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>naive map</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<style>html,body{margin:0;height:100%}.map{position:absolute;inset:0}</style></head>
<body><div class="map" data-map-ready="false"></div>
<script type="module">
import { Map, setWorkerUrl } from '/maplibre/maplibre-gl.mjs';
setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
const el = document.querySelector('.map');
const map = new Map({
  container: el,
  style: { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#dce8f0' } }] },
  bounds: ${JSON.stringify(bbox)},
  fitBoundsOptions: { padding: 20 },
  attributionControl: false,
});
window.antqMap = map;
map.on('load', () => {
  map.addSource('communes', { type: 'geojson', data: '/communes.geojson' });
  map.addLayer({
    id: 'fill', type: 'fill', source: 'communes',
    paint: { 'fill-color': ['match', ['get', 'type'], 'Xã', '#2e7d32', 'Phường', '#1565c0', '#f9a825'], 'fill-outline-color': '#ffffff' },
  });
  const loaded = (e) => {
    if (e.sourceId !== 'communes' || !map.isSourceLoaded('communes')) return;
    map.off('sourcedata', loaded);
    map.once('idle', () => el.setAttribute('data-map-ready', 'true'));
  };
  map.on('sourcedata', loaded);
});
</script></body></html>`;
}

/**
 * The floor every map pays: MapLibre with a background layer only (the WebGL context, the shaders, the first
 * frame), "ready" at its first idle, the way the portal signals it.
 */
function floorPage(bbox: [number, number, number, number]): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>floor</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<style>html,body{margin:0;height:100%}.map{position:absolute;inset:0}</style></head>
<body><div class="map" data-map-ready="false"></div>
<script type="module">
import { Map, setWorkerUrl } from '/maplibre/maplibre-gl.mjs';
setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
const el = document.querySelector('.map');
const map = new Map({
  container: el,
  style: { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#dce8f0' } }] },
  bounds: ${JSON.stringify(bbox)},
  fitBoundsOptions: { padding: 20 },
  attributionControl: false,
});
map.once('idle', () => el.setAttribute('data-map-ready', 'true'));
</script></body></html>`;
}

export interface NaiveSite {
  url: string;
  close(): Promise<void>;
}

/** Serves the naive page, the floor page (/floor), MapLibre's dist files from node_modules and the gzipped GeoJSON on 127.0.0.1. */
export function startNaiveSite(geojsonGz: string, bbox: [number, number, number, number]): Promise<NaiveSite> {
  const page = naivePage(bbox);
  const floor = floorPage(bbox);
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    } else if (path === '/floor') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(floor);
    } else if (path === '/communes.geojson') {
      // As a compressing web server would send it; every client of the benchmark accepts gzip.
      res.writeHead(200, {
        'Content-Type': 'application/geo+json',
        'Content-Encoding': 'gzip',
        'Content-Length': statSync(geojsonGz).size,
      });
      createReadStream(geojsonGz).pipe(res);
    } else if (path.startsWith('/maplibre/')) {
      const file = join(MAPLIBRE_DIST, normalize(path.slice('/maplibre/'.length)).replace(/^(\.\.[/\\])+/, ''));
      const type = TYPES[extname(file)];
      if (!type || !existsSync(file)) return res.writeHead(404).end();
      // Gzipped, as a compressing web server (or a CDN) would send MapLibre; every client of the benchmark accepts it.
      let body = gzipped.get(file);
      if (!body) gzipped.set(file, (body = gzipSync(readFileSync(file))));
      res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': body.length }).end(body);
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}
