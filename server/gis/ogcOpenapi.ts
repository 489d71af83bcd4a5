// The OpenAPI 3.0 document of /ogc, generated from the routes' zod schemas (parameters) and the layers' fields
// (feature properties).
import { z } from 'zod';
import type { Field } from './fields.js';
import { CONTENT_TYPES, FORMATS } from './formats.js';
import { COLLECTIONS, type Collection } from './layers.js';
import { downloadQuery, formatQuery, itemQuery, itemsQuery } from './ogcParams.js';

type Json = Record<string, unknown>;

/** OpenAPI query parameters from a zod object: one per key, its JSON schema, description and whether required. */
function queryParameters(schema: z.ZodObject): Json[] {
  return Object.entries(schema.shape).map(([name, s]) => {
    const { description, ...json } = z.toJSONSchema(s as z.ZodType, { target: 'openapi-3.0', io: 'input' }) as Json;
    delete json.$schema;
    return {
      name,
      in: 'query',
      required: !(s as z.ZodType).safeParse(undefined).success,
      ...(description ? { description } : {}),
      style: 'form',
      explode: false,
      schema: json,
    };
  });
}

const JSON_TYPES: Record<Field['type'], Json> = {
  text: { type: 'string' },
  integer: { type: 'integer' },
  real: { type: 'number' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
};

/** The properties' schema; OpenAPI 3.0 marks the nullable ones, the plain JSON Schema for GDAL does not. */
function propertiesSchema(fields: readonly Field[], nullable = true): Json {
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, { ...JSON_TYPES[f.type], ...(nullable ? { nullable: f.name !== 'code' } : {}), title: f.vi, description: f.en }])),
  };
}

/**
 * A feature's JSON Schema (the collection's "describedby"): GDAL's OAPIF driver types the layer's fields from it
 * rather than guessing from the first page (where an apportioned count may happen to be whole). Plain types, no
 * null unions: GDAL reads one type per property.
 */
export function featureSchema(c: Collection, href: string): Json {
  return { $schema: 'https://json-schema.org/draft/2019-09/schema', $id: href, title: c.title, ...featureObject(propertiesSchema(c.fields, false)) };
}

/** A GeoJSON Feature of a collection, with the given schema of its properties. */
function featureObject(properties: Json, more: Json = {}): Json {
  return {
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'string' },
      geometry: { type: 'object', description: 'GeoJSON MultiPolygon (WGS 84)' },
      properties,
      ...more,
    },
  };
}

const XSD_TYPES: Record<Field['type'], string> = { text: 'xs:string', integer: 'xs:integer', real: 'xs:double', boolean: 'xs:boolean', date: 'xs:date' };

/** The same as a GML application schema (XSD): what GDAL before 3.7 reads from "describedby" to type its fields. */
export function featureXsd(c: Collection): string {
  const el = (name: string, type: string) => `<xs:element name="${name}" type="${type}" nillable="true" minOccurs="0"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:antq="urn:antq:ogc" targetNamespace="urn:antq:ogc" elementFormDefault="qualified" version="1.0">
<xs:import namespace="http://www.opengis.net/gml/3.2" schemaLocation="http://schemas.opengis.net/gml/3.2.1/gml.xsd"/>
<xs:element name="${c.id}" type="antq:${c.id}Type" substitutionGroup="gml:AbstractFeature"/>
<xs:complexType name="${c.id}Type"><xs:complexContent><xs:extension base="gml:AbstractFeatureType"><xs:sequence>
${el('geometry', 'gml:MultiSurfacePropertyType')}
${c.fields.map((f) => el(f.name, XSD_TYPES[f.type])).join('\n')}
</xs:sequence></xs:extension></xs:complexContent></xs:complexType>
</xs:schema>
`;
}

const link = { type: 'object', required: ['href'], properties: { href: { type: 'string' }, rel: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' } } };
const jsonOrHtml = (schema: Json, description: string) => ({
  description,
  content: { 'application/json': { schema }, 'text/html': { schema: { type: 'string' } } },
});
const error = { description: 'Tham số sai (400) hoặc không có (404)', content: { 'application/json': { schema: { $ref: '#/components/schemas/error' } } } };
const pathParam = (name: string, description: string, values?: string[]) => ({ name, in: 'path', required: true, description, schema: { type: 'string', ...(values ? { enum: values } : {}) } });

function collectionPaths(c: Collection): Record<string, Json> {
  const ref = (s: string) => ({ $ref: `#/components/schemas/${s}` });
  const features = {
    type: 'object',
    required: ['type', 'features'],
    properties: {
      type: { type: 'string', enum: ['FeatureCollection'] },
      features: { type: 'array', items: ref(`${c.id}-feature`) },
      links: { type: 'array', items: ref('link') },
      numberMatched: { type: 'integer', minimum: 0 },
      numberReturned: { type: 'integer', minimum: 0 },
      timeStamp: { type: 'string', format: 'date-time' },
    },
  };
  const geojson = (schema: Json, description: string) => ({
    description,
    content: { 'application/geo+json': { schema }, 'text/html': { schema: { type: 'string' } } },
  });
  return {
    [`/collections/${c.id}`]: {
      get: {
        summary: c.title,
        operationId: `describe-${c.id}`,
        tags: ['Capabilities'],
        parameters: queryParameters(formatQuery),
        responses: { 200: jsonOrHtml(ref('collection'), c.description), 400: error },
      },
    },
    [`/collections/${c.id}/items`]: {
      get: {
        summary: `Các đối tượng của lớp ${c.title}`,
        operationId: `get-${c.id}-features`,
        tags: ['Data'],
        parameters: queryParameters(itemsQuery(c)),
        responses: { 200: geojson(features, 'Một trang đối tượng (GeoJSON), với liên kết next/prev'), 400: error, 404: error },
      },
    },
    [`/collections/${c.id}/items/{featureId}`]: {
      get: {
        summary: `Một đối tượng của lớp ${c.title}, theo mã GSO`,
        operationId: `get-${c.id}-feature`,
        tags: ['Data'],
        parameters: [pathParam('featureId', 'Mã GSO của đơn vị'), ...queryParameters(itemQuery)],
        responses: { 200: geojson(ref(`${c.id}-feature`), 'Đối tượng (GeoJSON Feature)'), 400: error, 404: error },
      },
    },
    [`/collections/${c.id}/schema`]: {
      get: {
        summary: `JSON Schema của một đối tượng lớp ${c.title}`,
        operationId: `schema-${c.id}`,
        tags: ['Capabilities'],
        responses: { 200: { description: 'JSON Schema', content: { 'application/schema+json': { schema: { type: 'object' } } } } },
      },
    },
    [`/collections/${c.id}/schema.xsd`]: {
      get: {
        summary: `Lược đồ GML (XSD) của một đối tượng lớp ${c.title}`,
        operationId: `xsd-${c.id}`,
        tags: ['Capabilities'],
        responses: { 200: { description: 'XML Schema', content: { 'application/xml': { schema: { type: 'string' } } } } },
      },
    },
    [`/collections/${c.id}/download`]: {
      get: {
        summary: `Tải cả lớp ${c.title} thành tệp`,
        operationId: `download-${c.id}`,
        tags: ['Data'],
        parameters: queryParameters(downloadQuery(c)),
        responses: {
          200: { description: 'Tệp GeoJSON, GeoPackage hoặc CSV', content: Object.fromEntries(FORMATS.map((f) => [CONTENT_TYPES[f].split(';')[0], { schema: { type: 'string', format: 'binary' } }])) },
          400: error,
          404: error,
        },
      },
    },
  };
}

/** The whole document; `servers` is relative, so the same document serves every host the portal is reached by. */
export function openapiDocument(version: string): Json {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Bản đồ phong trào Toàn dân bảo vệ ANTQ — OGC API – Features',
      version,
      description:
        'Ranh giới xã, phường và tỉnh, thành phố cùng số liệu công nhận "An toàn về an ninh, trật tự" và mô hình tự quản của từng năm. Chỉ đọc, công khai. Dữ liệu minh họa được ghi rõ trong thuộc tính sample.',
    },
    servers: [{ url: '/ogc' }],
    tags: [{ name: 'Capabilities' }, { name: 'Data' }],
    paths: {
      '/': { get: { summary: 'Trang đầu', operationId: 'landing', tags: ['Capabilities'], parameters: queryParameters(formatQuery), responses: { 200: jsonOrHtml({ $ref: '#/components/schemas/landing' }, 'Trang đầu') } } },
      '/conformance': {
        get: { summary: 'Các lớp phù hợp chuẩn', operationId: 'conformance', tags: ['Capabilities'], parameters: queryParameters(formatQuery), responses: { 200: jsonOrHtml({ $ref: '#/components/schemas/conformance' }, 'Danh sách lớp phù hợp') } },
      },
      '/api': { get: { summary: 'Tài liệu OpenAPI này', operationId: 'api', tags: ['Capabilities'], parameters: queryParameters(formatQuery), responses: { 200: { description: 'OpenAPI 3.0', content: { 'application/vnd.oai.openapi+json;version=3.0': { schema: { type: 'object' } }, 'text/html': { schema: { type: 'string' } } } } } } },
      '/collections': {
        get: { summary: 'Các lớp dữ liệu', operationId: 'collections', tags: ['Capabilities'], parameters: queryParameters(formatQuery), responses: { 200: jsonOrHtml({ $ref: '#/components/schemas/collections' }, 'Các lớp dữ liệu') } },
      },
      ...Object.assign({}, ...COLLECTIONS.map(collectionPaths)),
    },
    components: {
      schemas: {
        link,
        error: { type: 'object', properties: { error: { type: 'object', properties: { status: { type: 'integer' }, message: { type: 'string' }, field: { type: 'string', nullable: true } } } } },
        landing: { type: 'object', required: ['links'], properties: { title: { type: 'string' }, description: { type: 'string' }, links: { type: 'array', items: { $ref: '#/components/schemas/link' } } } },
        conformance: { type: 'object', required: ['conformsTo'], properties: { conformsTo: { type: 'array', items: { type: 'string' } } } },
        collection: {
          type: 'object',
          required: ['id', 'links'],
          properties: { id: { type: 'string' }, title: { type: 'string' }, description: { type: 'string' }, links: { type: 'array', items: { $ref: '#/components/schemas/link' } }, extent: { type: 'object' }, itemType: { type: 'string' }, crs: { type: 'array', items: { type: 'string' } } },
        },
        collections: { type: 'object', required: ['links', 'collections'], properties: { links: { type: 'array', items: { $ref: '#/components/schemas/link' } }, collections: { type: 'array', items: { $ref: '#/components/schemas/collection' } } } },
        ...Object.fromEntries(
          COLLECTIONS.map((c) => [
            `${c.id}-feature`,
            featureObject(propertiesSchema(c.fields), { links: { type: 'array', items: { $ref: '#/components/schemas/link' } } }),
          ]),
        ),
      },
    },
  };
}
