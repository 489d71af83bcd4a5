import { aggregate } from '../../shared/domain/aggregate.js';
import { useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CommuneFigures } from '../../shared/domain/figures.js';
import { bivariateMap } from '../lib/bivariate.js';
import type { NationalGeo } from '../../shared/lib/topo.js';
import { DEFAULT_PLAN, type PlanCriteria } from '../lib/worklistQuery.js';
import { setPlanOverlay } from '../map/planLayers.js';
import { loadStats, useAsync } from './useData.js';
import { useDataVersion } from './dataVersion.js';

/** The planner mode's state: panel open, map layers on or off, the filter builder's criteria. */
export function usePlanner(year: number | null, geo: NationalGeo | null) {
  const [open, setOpen] = useState(false);
  const [bivariate, setBivariate] = useState(true);
  const [overlay, setOverlay] = useState(true);
  const [criteria, setCriteria] = useState<PlanCriteria>(DEFAULT_PLAN);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  // The bivariate map and the overlay are national, whatever level or province the map shows.
  const { generation } = useDataVersion();
  const communes = useAsync(open && year !== null ? () => loadStats(year, 'commune', null) : null, [open, year, generation]);
  const rows = (communes.value?.units ?? null) as CommuneFigures[] | null;
  const bivar = useMemo(() => (open && bivariate && rows ? bivariateMap(rows, criteria.cert) : null), [open, bivariate, rows, criteria.cert]);
  // The overlay's counts as a province's are counted: the yeses, and how many communes reported each flag.
  const overlayCounts = useMemo(() => (open && overlay && rows ? aggregate(rows) : null), [open, overlay, rows]);

  useEffect(() => {
    if (!map || !geo) return;
    const key = new Set(rows?.filter((c) => c.keyArea).map((c) => c.code));
    const hot = new Set(rows?.filter((c) => c.hotSpot).map((c) => c.code));
    // MapView hands the map over once its style and sources are loaded.
    setPlanOverlay(map, geo, key, hot, open && overlay);
  }, [map, geo, rows, open, overlay]);

  return { open, setOpen, bivariate, setBivariate, overlay, setOverlay, criteria, setCriteria, map, setMap, bivar, overlayCounts, rows, fills: bivar?.fills ?? null };
}

export type Planner = ReturnType<typeof usePlanner>;
