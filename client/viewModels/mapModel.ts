// What the board's map draws: each region's outline shaded by violence, its numbers, and the legend (pure).
import type { Language } from "../../shared/i18n.ts";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { SessionSnapshot } from "../state/snapshot.ts";
import { getBaselinePoint } from "./baseline.ts";
import { formatIndicatorValue } from "./format.ts";

/** Sequential palette, light → dark; text colour chosen per step for contrast. */
const VIOLENCE_COLORS = [0xfff3c4, 0xfdc57a, 0xf4874b, 0xd64532, 0x8e1b1b] as const;
const TEXT_ON = [0x1a1a1a, 0x1a1a1a, 0x1a1a1a, 0xffffff, 0xffffff] as const;

export interface ViolenceLevel {
  /** 0 = lowest. */
  index: number;
  min: number;
  /** Exclusive upper bound; Infinity for the top level. */
  max: number;
  fill: number;
  text: number;
}

export interface RegionShape {
  id: string;
  name: string;
  polygon: [number, number][];
  label: [number, number];
  homicides: number;
  homicidesText: string;
  groups: number;
  level: ViolenceLevel;
}

export interface MapModel {
  regions: RegionShape[];
  legend: { level: ViolenceLevel; label: string }[];
}

function niceStep(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const normalized = value / magnitude;
  const nice = normalized < 1.5 ? 1 : normalized < 3.5 ? 2.5 : normalized < 7.5 ? 5 : 10;
  return nice * magnitude;
}

/** Five fixed violence levels for a scenario (doubling thresholds from half the worst starting region). */
export function getViolenceLevels(scenario: Scenario): ViolenceLevel[] {
  const worstStart = Math.max(...scenario.regions.map((r) => r.startHomicides), 1);
  const step = niceStep(worstStart / 2);
  const bounds = [0, step, step * 2, step * 4, step * 8, Infinity];
  return VIOLENCE_COLORS.map((fill, index) => ({ index, min: bounds[index] ?? 0, max: bounds[index + 1] ?? Infinity, fill, text: TEXT_ON[index] ?? 0 }));
}

export function getViolenceLevel(levels: readonly ViolenceLevel[], homicides: number): ViolenceLevel {
  const found = levels.find((l) => homicides >= l.min && homicides < l.max);
  const last = levels[levels.length - 1];
  if (!found && !last) throw new Error("no violence levels");
  return (found ?? last) as ViolenceLevel;
}

export function getMapModel(scenario: Scenario, snapshot: Pick<SessionSnapshot, "regions">, lang: Language): MapModel {
  const levels = getViolenceLevels(scenario);
  const baseline = getBaselinePoint(scenario);
  const regions = scenario.regions.map((region) => {
    const values = snapshot.regions[region.id] ?? baseline.regions[region.id] ?? { homicides: region.startHomicides, activeGroups: region.startGroups };
    return {
      id: region.id,
      name: region.name[lang],
      polygon: region.map.polygon,
      label: region.map.label,
      homicides: values.homicides,
      homicidesText: formatIndicatorValue(values.homicides, "count", lang),
      groups: values.activeGroups,
      level: getViolenceLevel(levels, values.homicides),
    };
  });
  const legend = levels.map((level) => ({
    level,
    label:
      level.max === Infinity
        ? `≥ ${formatIndicatorValue(level.min, "count", lang)}`
        : `${formatIndicatorValue(level.min, "count", lang)}–${formatIndicatorValue(level.max - 1, "count", lang)}`,
  }));
  return { regions, legend };
}
