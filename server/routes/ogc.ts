// OGC API – Features, Part 1: Core, with the GeoJSON, HTML and OpenAPI 3.0 conformance classes, at /ogc; and the
// layers' downloads (GeoJSON, GeoPackage, CSV). Read-only and public, like the map.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { notFound } from '../services/errors.js';
import { valid } from '../http/validate.js';
import { parseWith } from './params.js';
import type { StatsResponse, StatsService } from '../services/stats.js';
import { BodyCache, FileBody, respondFile, textBody } from '../gis/body.js';
import { CONTENT_TYPES, DETAIL_LABELS, FORMATS, fileName, geojsonFeature, toCsvTable, toGeoJson, toGpkg, type Format } from '../gis/formats.js';
import { BoundaryShapes, type Detail } from '../gis/geometry.js';
import { COLLECTIONS, GisLayers, collection, type Collection, type Layer } from '../gis/layers.js';
import { apiPage, featureTable, linkList, page, paragraph, propertyTable, sampleNote, type HtmlLink } from '../gis/ogcHtml.js';
import { featureSchema, featureXsd, openapiDocument } from '../gis/ogcOpenapi.js';
import { downloadQuery, formatQuery, itemQuery, itemsQuery, type FilterName } from '../gis/ogcParams.js';
import { matches, yearMatches, type Filters } from '../gis/query.js';
import { ROOT } from '../config.js';
import { readGeoManifest } from './boundaries.js';

const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const JSON_TYPE = 'application/json; charset=utf-8';
const GEOJSON = 'application/geo+json';
const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';
/** Documents that change only with a new version of the portal. */
const STATIC = 'public, max-age=300, must-revalidate';
/** Answers that change with the data: revalidated each time (a 304 while the ETag holds), as /api/stats. */
const DATA = 'no-cache';
/** Columns of the HTML tables of items, by level (all attributes are in the JSON and on each item's page). */
const HTML_COLUMNS = (c: Collection) =>
  c.level === 'commune'
    ? ['code', 'full_name', 'province_name', 'status_label', 'residential_rate', 'models', 'density', 'key_area', 'hot_spot']
    : ['code', 'full_name', 'province_name', 'communes_certified', 'communes_total', 'communes_rate', 'residential_rate', 'residential_reported', 'models', 'density', 'key_areas', 'hot_spots'];

const wantsHtml = (c: Context, f: string | undefined) => (f ? f === 'html' : /^\s*text\/html/.test(c.req.header('Accept') ?? ''));
const base = (c: Context) => `${new URL(c.req.url).origin}/ogc`;
/** The request's own URL with some parameters replaced (undefined removes one). */
function withParams(c: Context, changes: Record<string, string | undefined>): string {
  const u = new URL(c.req.url);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  return u.href;
}

export function ogcRoutes(svc: StatsService, geoDir: string) {
  const manifest = readGeoManifest(geoDir);
  const layers = new GisLayers(svc, new BoundaryShapes(geoDir, manifest));
  // Downloads of the finer layers are tens of MB: a few kept. Items pages are small and repeat (paging, reloads).
  const files = new BodyCache(8);
  const pages = new BodyCache(64);
  const ids = new WeakMap<StatsResponse, number>();
  let nextId = 0;
  const dataKey = (l: Layer) => {
    let id = ids.get(l.stats);
    if (id === undefined) ids.set(l.stats, (id = nextId++));
    return `${id}|${l.collection.id}|${l.year}|${l.detail}`;
  };
  const openapi = openapiDocument((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  const openapiBody = new FileBody(new Uint8Array(Buffer.from(JSON.stringify(openapi))), OPENAPI_TYPE);

  const req = (c: Context) => ({ acceptEncoding: c.req.header('Accept-Encoding'), ifNoneMatch: c.req.header('If-None-Match') });
  const json = (c: Context, value: unknown, type = JSON_TYPE, cache = STATIC) => respondFile(textBody(JSON.stringify(value), type), req(c), cache);
  const html = (c: Context, s: string, cache = STATIC) => respondFile(textBody(s, 'text/html; charset=utf-8'), req(c), cache);

  async function yearOf(col: Collection, year: number | undefined): Promise<number> {
    const y = year ?? (await layers.defaultYear(col));
    await svc.assertYear(col.vintage, y);
    return y;
  }

  async function describeCollection(c: Context, col: Collection) {
    const years = await layers.years(col);
    const b = base(c);
    const latest = years[years.length - 1];
    const links: HtmlLink[] = [
      { href: `${b}/collections/${col.id}?f=json`, rel: 'self', type: 'application/json', title: 'Lớp dữ liệu (JSON)' },
      { href: `${b}/collections/${col.id}?f=html`, rel: 'alternate', type: 'text/html', title: 'Lớp dữ liệu (HTML)' },
      { href: `${b}/collections/${col.id}/schema`, rel: 'describedBy', type: 'application/schema+json', title: 'JSON Schema của đối tượng' },
      { href: `${b}/collections/${col.id}/schema.xsd`, rel: 'describedBy', type: 'application/xml', title: 'Lược đồ GML (XSD) của đối tượng' },
      { href: `${b}/collections/${col.id}/items?f=json`, rel: 'items', type: GEOJSON, title: 'Các đối tượng (GeoJSON)' },
      { href: `${b}/collections/${col.id}/items?f=html`, rel: 'items', type: 'text/html', title: 'Các đối tượng (HTML)' },
      ...(['national', 'fine'] as Detail[]).flatMap((d) =>
        FORMATS.map((f) => ({
          href: `${b}/collections/${col.id}/download?f=${f}&year=${latest}&detail=${d}`,
          rel: 'enclosure',
          type: CONTENT_TYPES[f].split(';')[0],
          title: `Tải ${f === 'gpkg' ? 'GeoPackage' : f === 'geojson' ? 'GeoJSON' : 'CSV (chỉ số liệu)'}, năm ${latest}, ${DETAIL_LABELS[d]}`,
        })),
      ),
    ];
    return {
      id: col.id,
      title: col.title,
      description: col.description,
      links,
      extent: {
        spatial: { bbox: [manifest.bbox], crs: CRS84 },
        temporal: { interval: [[`${years[0]}-01-01T00:00:00Z`, `${latest}-12-31T23:59:59Z`]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' },
      },
      itemType: 'feature',
      crs: [CRS84],
      years,
    };
  }

  const app = new Hono();
  const landing = async (c: Context) => {
    const { f } = parseWith(formatQuery, c.req.query());
    const b = base(c);
    const links: HtmlLink[] = [
      { href: `${b}/?f=json`, rel: 'self', type: 'application/json', title: 'Trang đầu (JSON)' },
      { href: `${b}/?f=html`, rel: 'alternate', type: 'text/html', title: 'Trang đầu (HTML)' },
      { href: `${b}/api`, rel: 'service-desc', type: OPENAPI_TYPE, title: 'Tài liệu OpenAPI 3.0' },
      { href: `${b}/api?f=html`, rel: 'service-doc', type: 'text/html', title: 'Hướng dẫn API (HTML)' },
      { href: `${b}/conformance`, rel: 'conformance', type: 'application/json', title: 'Các lớp phù hợp chuẩn' },
      { href: `${b}/collections`, rel: 'data', type: 'application/json', title: 'Các lớp dữ liệu' },
    ];
    const title = 'Bản đồ phong trào Toàn dân bảo vệ ANTQ';
    const description = 'Ranh giới xã, phường, tỉnh, thành phố và số liệu công nhận "An toàn về an ninh, trật tự", mô hình tự quản theo năm (OGC API – Features).';
    if (wantsHtml(c, f)) {
      const howto = `<h2>Kết nối từ QGIS</h2><p>Lớp → Thêm lớp → Thêm lớp WFS / OGC API – Features → Mới; URL: <code>${b}</code>. Rồi Kết nối, chọn lớp và Thêm.</p>
<p>GDAL: <code>ogrinfo OAPIF:${b}</code></p>`;
      return html(c, page(title, [['OGC API', `${b}/`]], paragraph(description) + linkList(links) + howto, `${b}/?f=json`));
    }
    return json(c, { title, description, links });
  };
  app.get('/', landing);
  app.get('', landing);

  app.get('/conformance', valid('query', formatQuery), (c) => {
    const b = base(c);
    if (wantsHtml(c, c.req.valid('query').f)) return html(c, page('Các lớp phù hợp chuẩn', [['OGC API', `${b}/`]], `<ul>${CONFORMANCE.map((u) => `<li><code>${u}</code></li>`).join('')}</ul>`, `${b}/conformance?f=json`));
    return json(c, { conformsTo: CONFORMANCE });
  });

  app.get('/api', valid('query', formatQuery), (c) => {
    const b = base(c);
    if (wantsHtml(c, c.req.valid('query').f)) return html(c, page('Tài liệu API', [['OGC API', `${b}/`]], apiPage(openapi as Parameters<typeof apiPage>[0]), `${b}/api?f=json`));
    return respondFile(openapiBody, req(c), STATIC);
  });

  app.get('/collections', valid('query', formatQuery), async (c) => {
    const b = base(c);
    const collections = await Promise.all(COLLECTIONS.map((col) => describeCollection(c, col)));
    const links: HtmlLink[] = [
      { href: `${b}/collections?f=json`, rel: 'self', type: 'application/json', title: 'Các lớp dữ liệu (JSON)' },
      { href: `${b}/collections?f=html`, rel: 'alternate', type: 'text/html', title: 'Các lớp dữ liệu (HTML)' },
    ];
    if (wantsHtml(c, c.req.valid('query').f)) {
      const body = collections.map((col) => `<h2><a href="${b}/collections/${col.id}?f=html">${col.title}</a></h2>${paragraph(col.description)}${linkList(col.links.slice(2))}`).join('');
      return html(c, page('Các lớp dữ liệu', [['OGC API', `${b}/`]], body, `${b}/collections?f=json`), DATA);
    }
    return json(c, { links, collections }, JSON_TYPE, DATA);
  });

  for (const col of COLLECTIONS) {
    const path = `/collections/${col.id}`;
    const crumbs = (b: string): [string, string][] => [
      ['OGC API', `${b}/`],
      ['Các lớp dữ liệu', `${b}/collections?f=html`],
      [col.title, `${b}${path}?f=html`],
    ];

    app.get(path, valid('query', formatQuery), async (c) => {
      const d = await describeCollection(c, col);
      const b = base(c);
      if (wantsHtml(c, c.req.valid('query').f)) {
        const fields = `<h2>Các trường</h2><table><thead><tr><th>Tên</th><th>Tiếng Việt</th><th>English</th></tr></thead><tbody>${col.fields.map((x) => `<tr><td><code>${x.name}</code></td><td>${x.vi}</td><td>${x.en}</td></tr>`).join('')}</tbody></table>`;
        return html(c, page(col.title, crumbs(b).slice(0, 2), paragraph(col.description) + paragraph(`Các năm: ${d.years.join(', ')}`) + linkList(d.links.slice(2)) + fields, `${b}${path}?f=json`), DATA);
      }
      return json(c, d, JSON_TYPE, DATA);
    });

    app.get(`${path}/schema.xsd`, (c) => respondFile(textBody(featureXsd(col), 'application/xml; charset=utf-8'), req(c), STATIC));
    app.get(`${path}/schema`, (c) => json(c, featureSchema(col, `${base(c)}${path}/schema`), 'application/schema+json'));

    app.get(`${path}/items`, valid('query', itemsQuery(col)), async (c) => {
      const q = c.req.valid('query');
      const year = await yearOf(col, q.year);
      const layer = await layers.layer(col, year, 'national');
      const asHtml = wantsHtml(c, q.f);
      const key = `${dataKey(layer)}|${asHtml ? 'html' : 'json'}|${new URL(c.req.url).search}`;
      const body = await pages.get(key, async () => {
        const filters: Filters = {};
        for (const name of col.filters) {
          const v = (q as Record<string, unknown>)[name];
          if (v !== undefined) filters[name as FilterName] = v as string[] | boolean;
        }
        const matched = yearMatches(year, q.datetime) ? layer.features.filter((f) => matches(f, filters, q.bbox)) : [];
        const items = matched.slice(q.offset, q.offset + q.limit);
        const b = base(c);
        const links: HtmlLink[] = [
          { href: withParams(c, { f: 'json' }), rel: 'self', type: GEOJSON, title: 'Trang này (GeoJSON)' },
          { href: withParams(c, { f: 'html' }), rel: 'alternate', type: 'text/html', title: 'Trang này (HTML)' },
          { href: `${b}${path}`, rel: 'collection', type: 'application/json', title: col.title },
        ];
        const fmt = asHtml ? 'html' : 'json';
        if (q.offset + q.limit < matched.length) links.push({ href: withParams(c, { f: fmt, offset: String(q.offset + q.limit), limit: String(q.limit) }), rel: 'next', type: asHtml ? 'text/html' : GEOJSON, title: 'Trang sau' });
        if (q.offset > 0) links.push({ href: withParams(c, { f: fmt, offset: String(Math.max(0, q.offset - q.limit)), limit: String(q.limit) }), rel: 'prev', type: asHtml ? 'text/html' : GEOJSON, title: 'Trang trước' });
        if (asHtml) {
          const shown = col.fields.filter((x) => HTML_COLUMNS(col).includes(x.name));
          const nav = links.filter((l) => l.rel === 'next' || l.rel === 'prev');
          const info = paragraph(`Năm ${year}: ${matched.length} đối tượng khớp, hiển thị ${items.length} (từ thứ ${matched.length ? q.offset + 1 : 0}).`);
          const table = featureTable(items.map((f) => f.properties), shown, (code) => `${b}${path}/items/${code}?f=html&year=${year}`);
          return textBody(page(`${col.title} — năm ${year}`, crumbs(b), sampleNote(layer.ctx.sample) + info + linkList(nav) + table, withParams(c, { f: 'json' })), 'text/html; charset=utf-8');
        }
        return textBody(
          JSON.stringify({
            type: 'FeatureCollection',
            features: items.map((f) => ({ ...geojsonFeature(f), links: [{ href: `${b}${path}/items/${f.id}?year=${year}`, rel: 'self', type: GEOJSON }] })),
            links,
            numberMatched: matched.length,
            numberReturned: items.length,
            timeStamp: layer.asOf ?? new Date(0).toISOString(),
          }),
          GEOJSON,
        );
      });
      return respondFile(body, req(c), DATA);
    });

    app.get(`${path}/items/:code`, valid('query', itemQuery), async (c) => {
      const q = c.req.valid('query');
      const code = c.req.param('code');
      const year = await yearOf(col, q.year);
      const layer = await layers.layer(col, year, 'national');
      const f = layer.features.find((x) => x.id === code);
      if (!f) throw notFound(`Lớp ${col.id} không có đơn vị mã ${code}`, 'featureId');
      const b = base(c);
      if (wantsHtml(c, q.f)) {
        return html(c, page(`${String(f.properties.full_name)} — năm ${year}`, crumbs(b), sampleNote(layer.ctx.sample) + propertyTable(f.properties, col.fields), withParams(c, { f: 'json' })), DATA);
      }
      const links = [
        { href: withParams(c, { f: 'json' }), rel: 'self', type: GEOJSON },
        { href: withParams(c, { f: 'html' }), rel: 'alternate', type: 'text/html' },
        { href: `${b}${path}`, rel: 'collection', type: 'application/json' },
      ];
      return json(c, { ...geojsonFeature(f), links }, GEOJSON, DATA);
    });

    app.get(`${path}/download`, valid('query', downloadQuery(col)), async (c) => {
      const q = c.req.valid('query');
      const format = q.f as Format;
      if (q.province !== undefined && (await svc.units(col.vintage)).get(q.province)?.level !== 'province') {
        throw notFound(`Không có tỉnh, thành phố mã ${q.province} trên địa giới ${col.vintage}`, 'province');
      }
      const year = await yearOf(col, q.year);
      const layer = await layers.layer(col, year, q.detail as Detail, q.province);
      const body = await files.get(`${dataKey(layer)}|${q.province ?? ''}|${format}`, async () => {
        if (format === 'gpkg') return new FileBody(new Uint8Array(toGpkg(layer, q.province)), CONTENT_TYPES.gpkg);
        return textBody(format === 'geojson' ? toGeoJson(layer, q.province) : toCsvTable(layer, q.province), CONTENT_TYPES[format]);
      });
      return respondFile(body, req(c), DATA, fileName(layer, format, q.province));
    });
  }

  app.get('/collections/:id/*', (c) => {
    collection(c.req.param('id'));
    throw notFound(`Không có đường dẫn ${c.req.path}`);
  });
  app.get('/collections/:id', (c) => {
    collection(c.req.param('id'));
    throw notFound(`Không có đường dẫn ${c.req.path}`);
  });
  app.all('*', (c) => {
    // Mounted at /ogc, "/" is /ogc alone: the landing page's other spelling, /ogc/, arrives here.
    if (c.req.method === 'GET' && c.req.path.endsWith('/ogc/')) return landing(c);
    throw notFound(`Không có đường dẫn ${c.req.path}`);
  });
  return app;
}
