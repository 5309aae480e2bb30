// Board geometry in logical pixels for the projector and the phone's compact map.
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
  legend: Rect | null;
  meters: Rect | null;
  charts: Rect | null;
  /** Font sizes in logical pixels. */
  font: { small: number; body: number; big: number };
}

/** Scenario maps are drawn on a 1000×640 grid. */
export const MAP_GRID = { width: 1000, height: 640 };

export const PROJECTOR_LAYOUT: BoardLayout = {
  width: 1600,
  height: 900,
  map: { x: 10, y: 10, width: 1000, height: 640 },
  legend: { x: 10, y: 660, width: 1000, height: 60 },
  meters: { x: 1040, y: 10, width: 550, height: 700 },
  charts: { x: 10, y: 730, width: 1580, height: 165 },
  font: { small: 22, body: 26, big: 34 },
};

export const COMPACT_LAYOUT: BoardLayout = {
  width: 1000,
  height: 640,
  map: { x: 0, y: 0, width: 1000, height: 640 },
  legend: null,
  meters: null,
  charts: null,
  font: { small: 36, body: 40, big: 48 },
};
