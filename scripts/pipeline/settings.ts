/**
 * Everything that decides what `npm run data` produces. Any change here (or in the pipeline's
 * code) changes the inputs hash, so the next run rebuilds.
 */

/** Bump when the output contract changes (object names, properties, file layout). */
export const PIPELINE_VERSION = 1;

/** Input files, relative to the source directory. */
export const INPUTS = {
  communesTopo: 'boundaries/2025/communes.topo.json.gz',
  communesCsv: 'units/2025/communes.csv',
  provincesCsv: 'units/2025/provinces.csv',
  codeChanges: 'crosswalk/code_changes_after_2025-07-01.csv',
} as const;

/** The TopoJSON object that holds the communes in the input. */
export const INPUT_OBJECT = 'communes';

/** The two đặc khu that are the archipelagos; both must be in the national outline. */
export const ISLANDS = [
  { code: '20333', name: 'Quần đảo Hoàng Sa' },
  { code: '22736', name: 'Quần đảo Trường Sa' },
] as const;

/**
 * Codes that differ between the GSO 1027/CTK-CSCL list (left) and the polygons/units list
 * (right), see SOURCES.md and crosswalk/code_changes_after_2025-07-01.csv. Only used to make
 * validation errors helpful.
 */
export const KNOWN_CODE_ALIASES: Readonly<Record<string, string>> = {
  '06970': '06978',
  '23737': '23938',
};

export interface Settings {
  /** Simplification of the province files (zoom 8–12), metres. */
  provinceIntervalM: number;
  /** Simplification of the national file (zoom 5–8), metres; applied to the province-level result. */
  nationalIntervalM: number;
  /** TopoJSON quantization of the national file. */
  nationalQuantization: number;
  /** Target grid size of the province files, metres (quantization is derived from each province's extent). */
  provinceGridM: number;
  /** Bounds of the per-province quantization. */
  provinceQuantizationMin: number;
  provinceQuantizationMax: number;
  /** Precision of the label points, degrees (polylabel). */
  labelPrecisionDeg: number;
  gzipLevel: number;
  /** Size budgets, gzipped bytes. */
  budgetNationalGz: number;
  budgetProvinceGz: number;
}

export const SETTINGS: Settings = {
  provinceIntervalM: 10,
  nationalIntervalM: 100,
  nationalQuantization: 100_000,
  provinceGridM: 3,
  provinceQuantizationMin: 10_000,
  provinceQuantizationMax: 1_000_000,
  labelPrecisionDeg: 0.002,
  gzipLevel: 9,
  budgetNationalGz: 1_000_000,
  budgetProvinceGz: 400_000,
};

/** Output layout, relative to `<buildDir>/geo`. */
export const OUTPUTS = {
  national: 'national.topo.json',
  province: (code: string) => `provinces/${code}.topo.json`,
  manifest: 'manifest.json',
} as const;

/** The properties a commune carries in every output, in this order. */
export const COMMUNE_PROPS = ['code', 'name', 'type', 'province_code'] as const;
