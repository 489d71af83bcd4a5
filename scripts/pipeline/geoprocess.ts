/**
 * The geometry work, done by mapshaper on in-memory TopoJSON: cleaning, topological
 * simplification (shared borders stay shared), dissolving with gap/sliver filling, quantization.
 */
import mapshaper from 'mapshaper';
import { COMMUNE_PROPS, ISLANDS } from './settings.js';
import type { Topo } from './topology.js';

/**
 * mapshaper's keep-shapes protects only the largest ring of each feature. To keep every island
 * of the archipelagos, simplify with a helper layer holding their polygons one per feature
 * (sharing the arcs), then drop it.
 */
function simplifyKeepingIslands(intervalM: number): string {
  const test = ISLANDS.map((i) => `code == '${i.code}'`).join(' || ');
  return [
    `-filter "${test}" + name=island_parts target=communes`,
    `-explode target=island_parts`,
    `-simplify interval=${intervalM}m keep-shapes target=communes`,
    `-drop target=island_parts`,
  ].join(' ');
}

async function run(commands: string, input: Record<string, string>, outName: string): Promise<string> {
  let out: Record<string, string | Buffer>;
  try {
    out = await mapshaper.applyCommands(commands, input);
  } catch (e) {
    throw new Error(`mapshaper failed (${commands}): ${(e as Error).message}`, { cause: e });
  }
  const content = out[outName];
  if (content == null) throw new Error(`mapshaper produced no ${outName} (${commands})`);
  return typeof content === 'string' ? content : content.toString('utf8');
}

/**
 * Full-resolution communes → cleaned (overlaps resolved, micro-gaps filled, near vertices
 * snapped) → properties reduced to COMMUNE_PROPS → simplified to `intervalM` metres, small
 * shapes and every island of the archipelagos kept → cleaned again. Returns unquantized
 * TopoJSON (6 decimals), object `communes`, ids = code.
 */
export async function cleanAndSimplify(sourceTopoJson: string, objectName: string, intervalM: number): Promise<string> {
  const cmd = [
    `-i in.json`,
    objectName !== 'communes' ? `-rename-layers communes` : '',
    `-filter-fields ${COMMUNE_PROPS.join(',')}`,
    `-clean`,
    simplifyKeepingIslands(intervalM),
    `-clean`,
    `-filter-fields ${COMMUNE_PROPS.join(',')}`,
    `-o out.json format=topojson no-quantization precision=0.000001 id-field=code`,
  ].filter(Boolean).join(' ');
  return run(cmd, { 'in.json': sourceTopoJson }, 'out.json');
}

/**
 * The national layers from the (already cleaned) communes: further simplified to `intervalM`,
 * then provinces and the outline dissolved from the same arcs (-dissolve2 fills gaps), all in
 * one quantized topology. Objects: communes, provinces (property code), outline.
 */
export async function buildNationalTopology(communesTopoJson: string, intervalM: number, quantization: number): Promise<Topo> {
  const cmd = [
    `-i in.json`,
    simplifyKeepingIslands(intervalM),
    `-clean`,
    `-dissolve2 province_code + name=provinces target=communes`,
    `-rename-fields code=province_code target=provinces`,
    `-dissolve2 + name=outline target=communes`,
    `-filter-fields ${COMMUNE_PROPS.join(',')} target=communes`,
    `-o out.json format=topojson quantization=${quantization} id-field=code target=communes,provinces,outline`,
  ].join(' ');
  return JSON.parse(await run(cmd, { 'in.json': communesTopoJson }, 'out.json')) as Topo;
}

/** One province: its communes as given (object `communes`) plus their dissolved outline (object `province`). */
export async function buildProvinceTopology(provinceTopoJson: string, quantization: number): Promise<Topo> {
  const cmd = [
    `-i in.json`,
    `-dissolve2 + name=province target=communes`,
    `-filter-fields ${COMMUNE_PROPS.join(',')} target=communes`,
    `-o out.json format=topojson quantization=${quantization} id-field=code target=communes,province`,
  ].join(' ');
  return JSON.parse(await run(cmd, { 'in.json': provinceTopoJson }, 'out.json')) as Topo;
}
