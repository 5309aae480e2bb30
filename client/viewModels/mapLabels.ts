// Where the map's region labels and group tokens go so that no label is ever covered: inside the region when it fits, else a plate in open water with a leader line (pure geometry).

export type Point = [number, number];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  polygon: Point[];
  anchor: Point;
  /** Name + homicides plate. */
  plate: { width: number; height: number };
  /** Token cluster under the plate when the region is big enough to hold both. */
  cluster: { width: number; height: number };
  /** Smaller token cluster drawn at the anchor when the plate goes outside. */
  compactCluster: { width: number; height: number };
}

export interface LabelPlacement {
  id: string;
  plate: Box;
  cluster: Box;
  /** True when the tokens use the compact cluster (plate outside the region). */
  compact: boolean;
  /** From the plate's edge to the cluster, when the plate sits outside its region. */
  leader: { from: Point; to: Point } | null;
}

const GAP = 6;

/** A plate's size: its lines stacked, as wide as the widest of them (never narrower than `minWidth`), with padding. */
export function getPlateSize(lines: readonly { width: number; height: number }[], minWidth: number, pad: number): { width: number; height: number } {
  let width = minWidth;
  let height = 0;
  for (const line of lines) {
    width = Math.max(width, line.width);
    height += line.height;
  }
  return { width: width + pad * 2, height: height + pad * 2 };
}

export function isPointInPolygon([x, y]: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] ?? [0, 0];
    const [xj, yj] = polygon[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function boxesOverlap(a: Box, b: Box, margin = 0): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

/** Points along a box's border (corners included), about every `step` pixels. */
function borderPoints(box: Box, step: number): Point[] {
  const points: Point[] = [];
  const nx = Math.max(1, Math.ceil(box.width / step));
  const ny = Math.max(1, Math.ceil(box.height / step));
  for (let i = 0; i <= nx; i++) {
    const x = box.x + (box.width * i) / nx;
    points.push([x, box.y], [x, box.y + box.height]);
  }
  for (let j = 1; j < ny; j++) {
    const y = box.y + (box.height * j) / ny;
    points.push([box.x, y], [box.x + box.width, y]);
  }
  return points;
}

function isBoxInside(box: Box, polygon: readonly Point[]): boolean {
  return borderPoints(box, 12).every((p) => isPointInPolygon(p, polygon));
}

/** True when the box touches no land: none of its border in a polygon and no polygon corner inside it. */
function isBoxInWater(box: Box, polygons: readonly (readonly Point[])[]): boolean {
  const border = borderPoints(box, 14);
  for (const polygon of polygons) {
    if (border.some((p) => isPointInPolygon(p, polygon))) return false;
    if (polygon.some(([x, y]) => x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height)) return false;
  }
  return true;
}

function polygonArea(polygon: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] ?? [0, 0];
    const [xj, yj] = polygon[j] ?? [0, 0];
    sum += xj * yi - xi * yj;
  }
  return Math.abs(sum) / 2;
}

/** The box moved (not resized) to lie within the bounds. */
function clampInto(box: Box, bounds: Box): Box {
  const x = Math.min(Math.max(box.x, bounds.x), bounds.x + bounds.width - box.width);
  const y = Math.min(Math.max(box.y, bounds.y), bounds.y + bounds.height - box.height);
  return { ...box, x, y };
}

function center(box: Box): Point {
  return [box.x + box.width / 2, box.y + box.height / 2];
}

/** The point of the box's border nearest to p. */
function nearestOnBox(box: Box, [px, py]: Point): Point {
  return [Math.min(Math.max(px, box.x), box.x + box.width), Math.min(Math.max(py, box.y), box.y + box.height)];
}

/** How far (px) a plate and its tokens may move from the region's anchor to fit inside the region. */
const INSIDE_REACH = 90;
const INSIDE_STEP = 10;

/**
 * Plate and tokens inside the region: the plate with the tokens under it, over it or beside it, at the anchor or
 * moved as little as needed (full-size tokens preferred to the compact cluster).
 */
function getInsidePlacement(r: LabelRequest, placed: readonly Box[]): LabelPlacement | null {
  const shapes: { plate: Box; cluster: Box; compact: boolean }[] = [];
  for (const compact of [false, true]) {
    const c = compact ? r.compactCluster : r.cluster;
    const p = r.plate;
    const stackTop = -(p.height + GAP + c.height) / 2;
    shapes.push(
      { plate: { x: -p.width / 2, y: stackTop, ...p }, cluster: { x: -c.width / 2, y: stackTop + p.height + GAP, ...c }, compact },
      { plate: { x: -p.width / 2, y: stackTop + c.height + GAP, ...p }, cluster: { x: -c.width / 2, y: stackTop, ...c }, compact },
      { plate: { x: -(p.width + GAP + c.width) / 2, y: -p.height / 2, ...p }, cluster: { x: (p.width + GAP - c.width) / 2 + GAP / 2, y: -c.height / 2, ...c }, compact },
    );
  }
  const offsets: Point[] = [];
  for (let dy = -INSIDE_REACH; dy <= INSIDE_REACH; dy += INSIDE_STEP) for (let dx = -INSIDE_REACH; dx <= INSIDE_REACH; dx += INSIDE_STEP) offsets.push([dx, dy]);
  offsets.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
  const at = (b: Box, [dx, dy]: Point): Box => ({ x: r.anchor[0] + b.x + dx, y: r.anchor[1] + b.y + dy, width: b.width, height: b.height });
  for (const shape of shapes) {
    for (const offset of offsets) {
      const plate = at(shape.plate, offset);
      const cluster = at(shape.cluster, offset);
      if (!isBoxInside(plate, r.polygon) || !isBoxInside(cluster, r.polygon)) continue;
      if (placed.some((b) => boxesOverlap(b, plate, GAP) || boxesOverlap(b, cluster, GAP))) continue;
      return { id: r.id, plate, cluster, compact: shape.compact, leader: null };
    }
  }
  return null;
}

/**
 * Places every region's plate and tokens inside `bounds` so that plates never overlap each other or any token
 * cluster: big regions hold their plate and tokens; the others get a compact cluster at their anchor and a
 * plate in open water (no land under it), as near as possible, joined by a leader line.
 */
export function placeMapLabels(requests: readonly LabelRequest[], bounds: Box): LabelPlacement[] {
  const placed: Box[] = [];
  const result = new Map<string, LabelPlacement>();
  const byArea = [...requests].sort((a, b) => polygonArea(b.polygon) - polygonArea(a.polygon));
  const outside: LabelRequest[] = [];
  for (const r of byArea) {
    const inside = getInsidePlacement(r, placed);
    if (inside) {
      placed.push(inside.plate, inside.cluster);
      result.set(r.id, inside);
    } else {
      outside.push(r);
    }
  }
  // Small regions first: they have the least room around them, big ones reach open water from anywhere.
  outside.reverse();
  // The compact clusters first, so that no plate lands on them.
  const clusters = new Map<string, Box>();
  for (const r of outside) {
    const cluster: Box = { x: r.anchor[0] - r.compactCluster.width / 2, y: r.anchor[1] - r.compactCluster.height / 2, ...r.compactCluster };
    clusters.set(r.id, cluster);
    placed.push(cluster);
  }
  const land = requests.map((r) => r.polygon);
  const step = 16;
  for (const r of outside) {
    const cluster = clusters.get(r.id) as Box;
    let best: Box | null = null;
    let bestDistance = Infinity;
    for (let y = bounds.y; y + r.plate.height <= bounds.y + bounds.height; y += step) {
      for (let x = bounds.x; x + r.plate.width <= bounds.x + bounds.width; x += step) {
        const box: Box = { x, y, width: r.plate.width, height: r.plate.height };
        const [cx, cy] = center(box);
        const distance = Math.hypot(cx - r.anchor[0], cy - r.anchor[1]);
        if (distance >= bestDistance) continue;
        if (placed.some((b) => boxesOverlap(b, box, GAP))) continue;
        if (!isBoxInWater(box, land)) continue;
        best = box;
        bestDistance = distance;
      }
    }
    // No open water left: beside the cluster (may cover land, never another plate's text in normal maps).
    const plate = best ?? clampInto({ x: cluster.x + cluster.width + GAP, y: cluster.y, width: r.plate.width, height: r.plate.height }, bounds);
    placed.push(plate);
    const to = nearestOnBox(cluster, center(plate));
    result.set(r.id, { id: r.id, plate, cluster, compact: true, leader: { from: nearestOnBox(plate, center(cluster)), to } });
  }
  return requests.map((r) => result.get(r.id) as LabelPlacement);
}
