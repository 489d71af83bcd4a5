import { get as httpGet } from 'node:http';
import { get } from './get.js';

/** Bytes on the wire for one GET as a browser asks for it (compressed body, headers not counted). */
export function wireBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return reject(new Error(`GET ${url}: ${res.statusCode}`));
      }
      let n = 0;
      res.on('data', (c: Buffer) => (n += c.length));
      res.on('end', () => resolve(n));
      res.on('error', reject);
    }).on('error', reject);
  });
}

export interface GeometryBytes {
  national: number;
  /** The largest province layer and its name. */
  province: { bytes: number; code: string; name: string };
}

/** What the portal sends for its national view and for each province layer, measured over HTTP. */
export async function portalGeometryBytes(base: string): Promise<GeometryBytes> {
  const info = (await (await get(`${base}/api/boundaries`)).json()) as {
    provinces: Record<string, { name: string }>;
    layers: { national: { url: string }; province: { url: string } };
  };
  const national = await wireBytes(base + info.layers.national.url);
  let province = { bytes: -1, code: '', name: '' };
  for (const [code, p] of Object.entries(info.provinces)) {
    const bytes = await wireBytes(base + info.layers.province.url.replace('{code}', code));
    if (bytes > province.bytes) province = { bytes, code, name: p.name };
  }
  return { national, province };
}
