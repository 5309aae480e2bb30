// Board geometry in logical pixels for the projector board (phones show DOM views, not this board).
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BoardLayout {
  width: number;
  height: number;
  map: Rect;
  legend: Rect;
  meters: Rect;
  charts: Rect;
  /** Font sizes in logical pixels. */
  font: { small: number; body: number; big: number };
}

/** Scenario maps are drawn on a 1000×640 grid. */
export const MAP_GRID = { width: 1000, height: 640 };

/**
 * The projector board: the map (plates for small regions go out into the water around it) with its two-line legend
 * under it, the meters beside it, and the charts across the bottom with one shared key.
 */
export const PROJECTOR_LAYOUT: BoardLayout = {
  width: 1600,
  height: 900,
  map: { x: 10, y: 10, width: 880, height: 545 },
  legend: { x: 10, y: 562, width: 880, height: 90 },
  meters: { x: 905, y: 10, width: 685, height: 640 },
  charts: { x: 10, y: 662, width: 1580, height: 234 },
  font: { small: 22, body: 26, big: 34 },
};
