import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip, gunzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The naive way's geometry: every commune as the source has it, decoded from the source TopoJSON
 * into one GeoJSON and gzipped (zlib's default level, as a compressing web server would).
 * Written under build/bench (git-ignored) and rebuilt when the source is newer. Streamed feature by
 * feature: the whole file (~160 MB) would come close to V8's string limit as one JSON.stringify.
 */
export async function naiveGeojsonGz(sourceTopoGz: string, out: string, log: (s: string) => void): Promise<string> {
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(sourceTopoGz).mtimeMs) return out;
  const t0 = performance.now();
  const topo = JSON.parse(gunzipSync(readFileSync(sourceTopoGz)).toString('utf8')) as Topology;
  const fc = feature(topo, topo.objects.communes as GeometryCollection);
  function* chunks() {
    yield '{"type":"FeatureCollection","features":[';
    for (const [i, f] of fc.features.entries()) yield (i ? ',' : '') + JSON.stringify(f);
    yield ']}';
  }
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.tmp`;
  await pipeline(Readable.from(chunks()), createGzip(), createWriteStream(tmp));
  renameSync(tmp, out);
  log(`naive GeoJSON: ${fc.features.length} communes written to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}
