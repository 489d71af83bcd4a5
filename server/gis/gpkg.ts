// A GeoPackage (OGC 12-128r18, version 1.2) of one layer, written with better-sqlite3 in memory: the gpkg_* metadata
// tables, geometry in the GeoPackage binary format (header with envelope + WKB), an R-tree spatial index with the
// standard triggers, the layer's description, and each attribute's alias (schema extension: gpkg_data_columns).
import Database from 'better-sqlite3';
import type { MultiPolygon } from 'geojson';
import type { Field, FieldType, Value } from './fields.js';
import type { BBox } from './geometry.js';

export interface GpkgLayer {
  /** Table name: lower-case letters, digits and underscores. */
  table: string;
  title: string;
  description: string;
  fields: readonly Field[];
  /** Enumerations shown as value lists (GDAL field domains), keyed by column. */
  enums?: Record<string, { value: string; description: string }[]>;
  features: { geometry: MultiPolygon; bbox: BBox; values: Value[] }[];
  /** ISO 8601 timestamp of the data (gpkg_contents.last_change). */
  lastChange: string;
}

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

const SQL_TYPES: Record<FieldType, string> = { text: 'TEXT', integer: 'INTEGER', real: 'REAL', boolean: 'BOOLEAN', date: 'DATE' };

/** GeoPackage binary geometry: "GP", version 0, little-endian with an [minx, maxx, miny, maxy] envelope, SRS 4326, then WKB. */
export function gpkgGeometry(g: MultiPolygon, bbox: BBox, srsId = 4326): Buffer {
  let points = 0;
  let rings = 0;
  for (const poly of g.coordinates) {
    for (const ring of poly) {
      rings++;
      points += ring.length;
    }
  }
  const size = 8 + 32 + 9 + g.coordinates.length * 9 + rings * 4 + points * 16;
  const b = Buffer.alloc(size);
  b.write('GP', 0, 'ascii');
  b[2] = 0; // version 1
  b[3] = 0b0000_0011; // envelope [minx, maxx, miny, maxy], little-endian
  b.writeInt32LE(srsId, 4);
  let o = 8;
  for (const v of [bbox[0], bbox[2], bbox[1], bbox[3]]) o = b.writeDoubleLE(v, o);
  b[o++] = 1;
  o = b.writeUInt32LE(6, o); // MultiPolygon
  o = b.writeUInt32LE(g.coordinates.length, o);
  for (const poly of g.coordinates) {
    b[o++] = 1;
    o = b.writeUInt32LE(3, o); // Polygon
    o = b.writeUInt32LE(poly.length, o);
    for (const ring of poly) {
      o = b.writeUInt32LE(ring.length, o);
      for (const [x, y] of ring) o = b.writeDoubleLE(y, b.writeDoubleLE(x, o));
    }
  }
  return b;
}

/** SQLite has no booleans: GeoPackage stores them as 0/1. */
const sqlValue = (v: Value): string | number | null => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

const rtreeTriggers = (t: string, c: string, i: string) => {
  const r = `rtree_${t}_${c}`;
  const insert = `INSERT OR REPLACE INTO ${r} VALUES (NEW.${i}, ST_MinX(NEW.${c}), ST_MaxX(NEW.${c}), ST_MinY(NEW.${c}), ST_MaxY(NEW.${c}));`;
  return `
CREATE TRIGGER ${r}_insert AFTER INSERT ON ${t} WHEN (new.${c} NOT NULL AND NOT ST_IsEmpty(NEW.${c}))
BEGIN ${insert} END;
CREATE TRIGGER ${r}_update1 AFTER UPDATE OF ${c} ON ${t} WHEN OLD.${i} = NEW.${i} AND (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
BEGIN ${insert} END;
CREATE TRIGGER ${r}_update2 AFTER UPDATE OF ${c} ON ${t} WHEN OLD.${i} = NEW.${i} AND (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
BEGIN DELETE FROM ${r} WHERE id = OLD.${i}; END;
CREATE TRIGGER ${r}_update3 AFTER UPDATE OF ${c} ON ${t} WHEN OLD.${i} != NEW.${i} AND (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
BEGIN DELETE FROM ${r} WHERE id = OLD.${i}; ${insert} END;
CREATE TRIGGER ${r}_update4 AFTER UPDATE ON ${t} WHEN OLD.${i} != NEW.${i} AND (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
BEGIN DELETE FROM ${r} WHERE id IN (OLD.${i}, NEW.${i}); END;
CREATE TRIGGER ${r}_delete AFTER DELETE ON ${t} WHEN old.${c} NOT NULL
BEGIN DELETE FROM ${r} WHERE id = OLD.${i}; END;`;
};

/** The GeoPackage file's bytes. */
export function writeGpkg(layer: GpkgLayer): Buffer {
  const t = layer.table;
  if (!/^[a-z][a-z0-9_]*$/.test(t)) throw new Error(`Tên bảng GeoPackage không hợp lệ: ${t}`);
  const db = new Database(':memory:');
  try {
    db.pragma('application_id = 1196444487'); // "GPKG"
    db.pragma('user_version = 10200');
    db.exec(`
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
  srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, title TEXT, description TEXT, mime_type TEXT,
  constraint_name TEXT, CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name), CONSTRAINT gdc_tn UNIQUE (table_name, name));
CREATE TABLE gpkg_data_column_constraints (constraint_name TEXT NOT NULL, constraint_type TEXT NOT NULL, value TEXT, min NUMERIC,
  min_is_inclusive BOOLEAN, max NUMERIC, max_is_inclusive BOOLEAN, description TEXT, CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value));
`);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
    srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
    srs.run('WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');

    const cols = layer.fields.map((f) => `"${f.name}" ${SQL_TYPES[f.type]}`).join(', ');
    db.exec(`CREATE TABLE ${t} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON, ${cols})`);
    const bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const f of layer.features) {
      bbox[0] = Math.min(bbox[0], f.bbox[0]);
      bbox[1] = Math.min(bbox[1], f.bbox[1]);
      bbox[2] = Math.max(bbox[2], f.bbox[2]);
      bbox[3] = Math.max(bbox[3], f.bbox[3]);
    }
    const has = layer.features.length > 0;
    db.prepare('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 4326)').run(
      t,
      'features',
      layer.title,
      layer.description,
      layer.lastChange,
      ...(has ? bbox : [null, null, null, null]),
    );
    db.prepare("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'MULTIPOLYGON', 4326, 0, 0)").run(t);

    const insert = db.prepare(`INSERT INTO ${t} (fid, geom, ${layer.fields.map((f) => `"${f.name}"`).join(', ')}) VALUES (${['?', '?', ...layer.fields.map(() => '?')].join(', ')})`);
    const rtree = `rtree_${t}_geom`;
    db.exec(`CREATE VIRTUAL TABLE ${rtree} USING rtree(id, minx, maxx, miny, maxy)`);
    const index = db.prepare(`INSERT INTO ${rtree} VALUES (?, ?, ?, ?, ?)`);
    db.transaction(() => {
      layer.features.forEach((f, i) => {
        insert.run(i + 1, gpkgGeometry(f.geometry, f.bbox), ...f.values.map(sqlValue));
        index.run(i + 1, f.bbox[0], f.bbox[2], f.bbox[1], f.bbox[3]);
      });
    })();
    // After the rows: the triggers call the ST_* functions that GeoPackage readers register (SQLite alone has none).
    db.exec(rtreeTriggers(t, 'geom', 'fid'));

    const ext = db.prepare('INSERT INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)');
    ext.run(t, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');
    ext.run('gpkg_data_columns', null, 'gpkg_schema', 'http://www.geopackage.org/spec120/#extension_schema', 'read-write');
    ext.run('gpkg_data_column_constraints', null, 'gpkg_schema', 'http://www.geopackage.org/spec120/#extension_schema', 'read-write');
    const column = db.prepare('INSERT INTO gpkg_data_columns VALUES (?, ?, ?, ?, ?, NULL, ?)');
    const constraint = db.prepare("INSERT INTO gpkg_data_column_constraints VALUES (?, 'enum', ?, NULL, NULL, NULL, NULL, ?)");
    for (const f of layer.fields) {
      const values = layer.enums?.[f.name];
      const name = values ? `${t}_${f.name}` : null;
      for (const v of values ?? []) constraint.run(name, v.value, v.description);
      column.run(t, f.name, f.vi, f.vi, f.en, name);
    }
    return db.serialize();
  } finally {
    db.close();
  }
}
