export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * How many pixels at the bottom of the stage are hidden by sheets over it (a phone's unit panel, table, worklist or
 * decks): the elements that span its width and rest on its bottom edge. Side panels (a desktop's columns) and
 * small boxes (a note, the legend) cover nothing a fit should avoid.
 */
export function bottomCover(stage: Box, boxes: Box[]): number {
  const width = stage.right - stage.left;
  const height = stage.bottom - stage.top;
  if (width <= 0 || height <= 0) return 0;
  let cover = 0;
  for (const b of boxes) {
    const spans = b.right - b.left >= 0.9 * width;
    const rests = Math.abs(b.bottom - stage.bottom) <= 2;
    // Below the stage's top: the map's own pane spans it all and covers nothing.
    if (spans && rests && b.top > stage.top + 1) cover = Math.max(cover, stage.bottom - b.top);
  }
  return Math.round(cover);
}
