/**
 * data/sources.json: every file of the source directory with its size, sha256 and where it came
 * from (repository, pinned commit, path(s), raw URL), so that a user elsewhere can fetch the same
 * files. The provenance below is transcribed from shared/data/SOURCES.md; sizes and hashes are
 * computed.
 *
 *   tsx scripts/pipeline/sources-manifest.ts --write   regenerate data/sources.json
 *   tsx scripts/pipeline/sources-manifest.ts           compare the source dir with it
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, paths } from '../../server/config.js';

export interface Upstream {
  repo: string;
  commit: string;
  /** Paths in the repository at that commit; `<pp>`-style placeholders stand for many files. */
  paths: string[];
  /** Raw URLs at the pinned commit, for the paths that are single files. */
  urls: string[];
  /** The repository (or folder) at the pinned commit, for browsing. */
  browse: string;
}

export interface SourceInfo {
  upstream: Upstream | null;
  /** Further upstreams that contributed columns or features. */
  alsoFrom?: Upstream[];
  licence: string;
  note: string;
}

interface SourceEntry extends SourceInfo {
  path: string;
  bytes: number;
  sha256: string;
}

export interface SourcesManifest {
  description: string;
  files: SourceEntry[];
}

export const SOURCES_JSON = join(ROOT, 'data', 'sources.json');

const isPattern = (p: string) => p.includes('<') || p.includes('*') || p.endsWith('/');
const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/');

export function upstream(repo: string, commit: string, repoPaths: string[]): Upstream {
  const concrete = repoPaths.filter((p) => !isPattern(p));
  const firstPattern = repoPaths.find(isPattern);
  const folder = firstPattern ? firstPattern.slice(0, firstPattern.search(/<|\*|$/)).replace(/\/[^/]*$/, '') : '';
  return {
    repo,
    commit,
    paths: repoPaths,
    urls: concrete.map((p) => `https://raw.githubusercontent.com/${repo}/${commit}/${encodePath(p)}`),
    browse: `https://github.com/${repo}/tree/${commit}${folder ? `/${encodePath(folder)}` : ''}`,
  };
}

const THANG = ['thanglequoc/vietnamese-provinces-database', 'cd58063299585146ded3981f2272946ef19ced54'] as const;
const DVHCVN = ['daohoangson/dvhcvn', '4b1b6b59c5880c620722663bcb48c5c105364be5'] as const;
const CENSUS = ['LucieContamin/censusVN2009', 'd9a36767d5bdeb53d76d4497805cc07a4dbbe50c'] as const;
const FREEGIS = ['nguyenduy1133/Free-GIS-Data', '67582c8f95d03e12f74f6d04afa5271b98f4de17'] as const;
const D2025 = ['dvhcvn/20250701', 'dd94887ce32324380bc5bb0a76fe39867dafc73b'] as const;
const TNMH = ['tranngocminhhieu/vietnamadminunits', '780c27980afdae76d5c6e7b252955f6b571f34ca'] as const;
const HGS = ['hgscarlette/vn-demographic', 'bfc550816e562fb5e16ee7a4ac0ffcb71f5ad99e'] as const;

const up = (r: readonly [string, string], ...p: string[]) => upstream(r[0], r[1], p);

const THANG_UNITS_JSON = 'json/full_json_generated_data_vn_units_2026-07-25__20_49_07.json';
const SAPNHAP_LICENCE = 'repository MIT (© 2021 Thang Le Quoc); geometry from sapnhap.bando.com.vn (NXB TN-MT&BĐ VN) — upstream terms unclear, no explicit open licence';
const SAPNHAP_ATTRIBUTION = 'Attribution: "Nguồn: sapnhap.bando.com.vn / NXB TN-MT&BĐ VN via thanglequoc/vietnamese-provinces-database".';

/** Provenance by path (relative to the source dir), from SOURCES.md. */
export const SOURCE_INFO: Readonly<Record<string, SourceInfo>> = {
  'SOURCES.md': {
    upstream: null,
    licence: 'n/a (documentation of this collection)',
    note: 'Describes every file of the collection: sources, transformations, licences, known gaps.',
  },
  'boundaries/2025/communes.topo.json.gz': {
    upstream: up(THANG, 'json/geojson/<pp>_<name>/wards/<code>_<name>.geojson'),
    licence: SAPNHAP_LICENCE,
    note: `2025 communes (3,321 one-feature GeoJSON files, layer diaphanhanhchinhcapxa_2025, export 2026-07-25) merged into one lossless TopoJSON, object "communes", no quantization, gzip. id = 5-digit GSO code. Not topologically clean (overlaps, micro-gaps). ${SAPNHAP_ATTRIBUTION}`,
  },
  'boundaries/2025/provinces_sapnhap.geojson': {
    upstream: up(THANG, 'json/geojson/<pp>_<name>/<pp>_<name>.geojson'),
    licence: SAPNHAP_LICENCE,
    note: `34 provinces (layer diaphanhanhchinhcaptinh_sn), generalised: edges do not coincide with commune edges. ${SAPNHAP_ATTRIBUTION}`,
  },
  'boundaries/pre2025/districts.geojson': {
    upstream: up(DVHCVN, 'data/gis/<pp>.json'),
    licence: 'GPL-3.0',
    note: 'Pre-2025 districts (level2s[] of each province file, from gis.chinhphu.vn 2019–2021). Quảng Ninh (22) missing. successor_code_2025_06_30 is derived.',
  },
  'boundaries/pre2025/provinces.geojson': {
    upstream: up(DVHCVN, 'data/gis/<pp>.json'),
    alsoFrom: [up(THANG, 'json/geojson/<pp>_<name>/<pp>_<name>.geojson')],
    licence: 'GPL-3.0 (62 features) + sapnhap/MIT compilation (feature 22 Quảng Ninh, see geometry_source)',
    note: '63 pre-2025 provinces: 62 from dvhcvn; Quảng Ninh is the 2025 sapnhap polygon (territory unchanged on 2025-07-01).',
  },
  'boundaries/pre2025/communes_2008_lowres.geojson': {
    upstream: up(CENSUS, 'data/communes.rda'),
    licence: 'MIT (© 2017 Marc Choisy)',
    note: 'Low-resolution communes of 1 Jan 2008 (11,163), converted from R SpatialPolygonsDataFrame with sf. Old 7-digit codes; gso_code_2025_06_30 derived by name matching.',
  },
  'boundaries/outline/provinces63_incl_hoangsa_truongsa.geojson': {
    upstream: up(FREEGIS, 'VietNam/Administrative/Provinces_included_Paracel_SpratlyIslands_combine.geojson'),
    licence: 'none stated (all rights reserved by default; ask the author before redistribution)',
    note: '63 old provinces + Hoàng Sa + Trường Sa, generalised version. Original data source not stated.',
  },
  'units/2025/communes.csv': {
    upstream: up(THANG, THANG_UNITS_JSON),
    alsoFrom: [up(D2025, 'input/docs/1027_CTK-CSCL.md'), up(TNMH, 'data/raw/sapnhap.bando.com.vn_ward_2025-07-17.csv')],
    licence: 'MIT',
    note: 'Main 2025 commune list (3,321 rows, same codes as the polygons). code_in_gso_1027_list/name_in_gso_1027_list from the official 1027/CTK-CSCL list; *_sapnhap columns joined from the sapnhap.bando.com.vn scrape; area_km2_polygon_geodesic derived.',
  },
  'units/2025/provinces.csv': {
    upstream: up(THANG, THANG_UNITS_JSON),
    alsoFrom: [up(TNMH, 'data/raw/')],
    licence: 'MIT',
    note: '34 provinces. area_km2_communes_polygon_geodesic_sum derived; *_sapnhap columns from the sapnhap.bando.com.vn scrape (population counts likely include temporary residents).',
  },
  'units/2025/gso_1027_CTK-CSCL_communes.csv': {
    upstream: up(D2025, 'input/docs/1027_CTK-CSCL.md'),
    licence: 'repository MIT; the document is an official state document',
    note: 'Official GSO commune code list (Công văn 1027/CTK-CSCL, 25/06/2025), Markdown table parsed to CSV; province_code added by matching province names to the 915 list. Uses 06970 and 23737 (polygons: 06978, 23938).',
  },
  'units/2025/gso_915_CTK-CSCL_provinces.csv': {
    upstream: up(D2025, 'input/docs/915_CTK-CSCL.csv'),
    licence: 'repository MIT; the document is an official state document',
    note: 'Official GSO province code list (915/CTK-CSCL).',
  },
  'units/pre2025/communes.csv': {
    upstream: up(TNMH, 'data/raw/danhmuchanhchinh.gso.gov.vn_ward_2025-07-18.csv'),
    alsoFrom: [up(D2025, 'mapping/merges.json')],
    licence: 'MIT',
    note: 'GSO list in force on 30/06/2025 (10,035 communes), export of danhmuchanhchinh.gso.gov.vn. new_codes_2025/new_relation from the crosswalk.',
  },
  'units/pre2025/districts.csv': {
    upstream: up(TNMH, 'data/raw/danhmuchanhchinh.gso.gov.vn_district_2025-07-18.csv'),
    alsoFrom: [up(DVHCVN, 'data/gis/<pp>.json')],
    licence: 'MIT',
    note: 'GSO districts on 30/06/2025 (696) + commune_count, has_polygon_dvhcvn.',
  },
  'units/pre2025/provinces.csv': {
    upstream: up(TNMH, 'data/raw/danhmuchanhchinh.gso.gov.vn_district_2025-07-18.csv', 'data/raw/danhmuchanhchinh.gso.gov.vn_ward_2025-07-18.csv'),
    alsoFrom: [up(DVHCVN, 'data/dvhcvn.json', 'data/gis/<pp>.json')],
    licence: 'MIT (type and has_polygon_dvhcvn from dvhcvn, GPL-3.0)',
    note: 'GSO provinces on 30/06/2025 (63) + type, counts, has_polygon_dvhcvn.',
  },
  'units/pre2025/dvhcvn_2025-03-01.json': {
    upstream: up(DVHCVN, 'data/dvhcvn.json'),
    licence: 'GPL-3.0',
    note: 'As-is: GSO list as of 01/03/2025 (63 / 696 / 10,047), hierarchical.',
  },
  'crosswalk/dvhcvn_20250701/merges.json': {
    upstream: up(D2025, 'mapping/merges.json'),
    licence: 'MIT (© 2025 dvhcvn)',
    note: 'As-is: new → old links (full/partial) from the 34 NQ-UBTVQH15 resolutions (1654–1687).',
  },
  'crosswalk/dvhcvn_20250701/splits.json': {
    upstream: up(D2025, 'mapping/splits.json'),
    licence: 'MIT (© 2025 dvhcvn)',
    note: 'As-is: old → new links.',
  },
  'crosswalk/communes_old_to_new.csv': {
    upstream: up(D2025, 'mapping/merges.json'),
    alsoFrom: [up(TNMH, 'data/interim/convert_legacy_2025_simple.csv')],
    licence: 'MIT',
    note: 'Derived flattening of merges.json (10,604 links) with a cross-check column against the tranngocminhhieu table.',
  },
  'crosswalk/tranngocminhhieu_convert_legacy_2025_simple.csv': {
    upstream: up(TNMH, 'data/interim/convert_legacy_2025_simple.csv'),
    licence: 'MIT',
    note: 'As-is: independent old → new table with geocoded lat/lon.',
  },
  'crosswalk/provinces_old_to_new.csv': {
    upstream: up(D2025, 'mapping/merges.json'),
    licence: 'MIT',
    note: 'Derived from merges.json level 1 (63 rows).',
  },
  'crosswalk/code_changes_after_2025-07-01.csv': {
    upstream: up(THANG, THANG_UNITS_JSON),
    alsoFrom: [up(D2025, 'input/docs/1027_CTK-CSCL.md')],
    licence: 'MIT (derived)',
    note: 'Derived comparison of the two lists: 06970→06978 (Xã Ba Chẽ), 23737→23938 (Xã Ia Mơ), and 10 Đồng Nai communes now typed Phường.',
  },
  'population/2025/sapnhap_bando_communes_2025-07-17.csv': {
    upstream: up(TNMH, 'data/raw/sapnhap.bando.com.vn_ward_2025-07-17.csv'),
    licence: 'repository MIT; scraped from sapnhap.bando.com.vn on 2025-07-17',
    note: 'As-is (3,321). ma/matinh/maxa are bando ids, not GSO codes. SOURCES.md names only the folder data/raw/; the file name is the one in the upstream listing.',
  },
  'population/2025/sapnhap_bando_provinces_2025-07-17.csv': {
    upstream: up(TNMH, 'data/raw/'),
    licence: 'repository MIT; scraped from sapnhap.bando.com.vn on 2025-07-17',
    note: 'As-is (34); Vietnamese number separators ("3.359,80"). SOURCES.md names only the folder data/raw/, not the file name.',
  },
  'population/2025/freegisdata_provinces_2025_attributes.csv': {
    upstream: up(FREEGIS, 'HanhChinhVietNam_2025/DiaPhanCapTinh_shapefile.dbf'),
    licence: 'none stated',
    note: 'Attribute table (DBF) of the 2025 province shapefile (its .shp is absent). Ma is not a GSO code.',
  },
  'population/2019/census2019_ward_population.csv': {
    upstream: up(HGS, 'VN_Population_ward.csv'),
    licence: 'none stated (the counts are official GSO 2019 census statistics)',
    note: 'Ward populations of the 2019 census (11,165 rows); GADM-derived columns dropped; gso_code_2025_06_30 derived.',
  },
};

/** Every file under dir (recursively), as sorted '/'-separated relative paths. */
export function walk(dir: string): string[] {
  const out: string[] = [];
  const rec = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) rec(p);
      else if (e.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  rec(dir);
  return out.sort();
}

export interface FileFacts {
  path: string;
  bytes: number;
  sha256: string;
}

export function fileFacts(dir: string): FileFacts[] {
  return walk(dir).map((path) => {
    const buf = readFileSync(join(dir, path));
    return { path, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex') };
  });
}

export function buildSourcesManifest(facts: FileFacts[], info: Readonly<Record<string, SourceInfo>> = SOURCE_INFO): SourcesManifest {
  return {
    description:
      'Public source files of the map portal (the shared/data folder), with where each came from. Generated by scripts/pipeline/sources-manifest.ts --write; provenance transcribed from SOURCES.md.',
    files: facts.map((f) => ({
      path: f.path,
      bytes: f.bytes,
      sha256: f.sha256,
      ...(info[f.path] ?? { upstream: null, licence: 'unknown', note: 'not described in SOURCES.md' }),
    })),
  };
}

export interface SourcesDiff {
  missing: string[];
  changed: string[];
  extra: string[];
}

export function compareSources(expected: Pick<SourcesManifest, 'files'>, actual: FileFacts[]): SourcesDiff {
  const want = new Map(expected.files.map((f) => [f.path, f]));
  const have = new Map(actual.map((f) => [f.path, f]));
  return {
    missing: [...want.keys()].filter((p) => !have.has(p)),
    changed: actual.filter((f) => want.has(f.path) && (want.get(f.path)!.sha256 !== f.sha256 || want.get(f.path)!.bytes !== f.bytes)).map((f) => f.path),
    extra: [...have.keys()].filter((p) => !want.has(p)),
  };
}

const sourcesDiffEmpty = (d: SourcesDiff) => d.missing.length + d.changed.length + d.extra.length === 0;

/** Human-readable WARNING lines for a non-empty diff. */
export function describeSourcesDiff(d: SourcesDiff, sourceDir: string, manifestPath: string): string[] {
  if (sourcesDiffEmpty(d)) return [];
  const lines = [`WARNING: the source directory ${sourceDir} differs from ${manifestPath} (other data may be in use):`];
  for (const p of d.changed) lines.push(`WARNING:   changed: ${p}`);
  for (const p of d.missing) lines.push(`WARNING:   missing: ${p}`);
  for (const p of d.extra) lines.push(`WARNING:   not listed: ${p}`);
  return lines;
}

function main(argv: string[]): number {
  const { sourceDir } = paths();
  const facts = fileFacts(sourceDir);
  if (argv.includes('--write')) {
    const m = buildSourcesManifest(facts);
    writeFileSync(SOURCES_JSON, JSON.stringify(m, null, 2) + '\n');
    const undescribed = m.files.filter((f) => !(f.path in SOURCE_INFO)).map((f) => f.path);
    console.log(`wrote ${relative(ROOT, SOURCES_JSON)}: ${m.files.length} files, ${facts.reduce((s, f) => s + f.bytes, 0)} bytes`);
    for (const p of undescribed) console.log(`WARNING: ${p} has no provenance entry in SOURCE_INFO`);
    return 0;
  }
  const expected = JSON.parse(readFileSync(SOURCES_JSON, 'utf8')) as SourcesManifest;
  const lines = describeSourcesDiff(compareSources(expected, facts), sourceDir, relative(ROOT, SOURCES_JSON));
  if (lines.length === 0) console.log(`${sourceDir} matches ${relative(ROOT, SOURCES_JSON)} (${facts.length} files)`);
  for (const l of lines) console.log(l);
  return lines.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
