export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** How much of the map's bottom and right edges panels over it hide, in CSS pixels. */
export interface Cover {
  bottom: number;
  right: number;
}

export const NO_COVER: Cover = { bottom: 0, right: 0 };

/**
 * What the panels over the map hide of it (`map`: the map's box; `boxes`: the other elements of the stage): a
 * phone's sheets, which span the map's width and rest on its bottom edge, and a desktop's unit panel, which stands
 * against its right edge over most of its height. Panels beside the map (the table, the worklist), the legend and
 * small notes hide nothing a fit should avoid.
 */
export function mapCover(map: Box, boxes: Box[]): Cover {
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  if (width <= 0 || height <= 0) return NO_COVER;
  let bottom = 0;
  let right = 0;
  for (const b of boxes) {
    const across = Math.min(b.right, map.right) - Math.max(b.left, map.left);
    const down = Math.min(b.bottom, map.bottom) - Math.max(b.top, map.top);
    if (across <= 0 || down <= 0) continue;
    if (across >= 0.9 * width && Math.abs(b.bottom - map.bottom) <= 2 && b.top > map.top + 1) bottom = Math.max(bottom, map.bottom - b.top);
    else if (b.right >= map.right - 24 && b.left > map.left + 0.3 * width && down >= 0.5 * height) right = Math.max(right, map.right - b.left);
  }
  return { bottom: Math.round(bottom), right: Math.round(right) };
}
