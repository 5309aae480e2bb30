// The preview: pick a path (historical, one policy, custom round by round), an indicator and the number of runs; chart, data
// table and calibration, recomputed with the shared rules in Web Workers a moment after each valid edit (a stale run is dropped).
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import type { Indicator } from "../../shared/content/vocabulary.ts";
import { INDICATORS } from "../../shared/content/vocabulary.ts";
import type { CalibrationRow, CustomPath, PathChoice, PreviewChart } from "./previewModel.ts";
import { clampSeedCount, getDefaultCustomPath } from "./previewModel.ts";
import type { PreviewRunner, RunProgress, RunStats } from "./previewRunner.ts";
import { createPreviewRunner } from "./previewRunner.ts";
import type { ChartInput } from "./lineChart.ts";
import { renderLegend, renderLineChart } from "./lineChart.ts";
import { renderPreviewTable } from "./previewTable.ts";
import { renderCalibration } from "./calibrationPanel.ts";
import { createCustomPathEditor } from "./customPathEditor.ts";
import { localize, t } from "./editorI18n.ts";
import { h, uid } from "../ui/dom.ts";
import { formatNumber } from "../i18n/i18n.ts";

const DEBOUNCE_MS = 350;
const SEED_CHOICES = [20, 100, 200, 1_000, 10_000];

export interface PreviewPanel {
  element: HTMLElement;
  /** The latest valid scenario (null while the draft has errors: the preview then keeps the last valid one and says so). */
  update(scenario: Scenario | null): void;
}

function choiceValue(choice: PathChoice): string {
  return choice.kind === "policy" ? `policy:${choice.policyId}` : choice.kind;
}

function parseChoice(value: string): PathChoice {
  if (value.startsWith("policy:")) return { kind: "policy", policyId: value.slice("policy:".length) };
  return value === "custom" ? { kind: "custom" } : { kind: "historical" };
}

export function createPreviewPanel(): PreviewPanel {
  let scenario: Scenario | null = null;
  let choice: PathChoice = { kind: "historical" };
  let custom: CustomPath | null = null;
  let indicator: Indicator = "homicides";
  let seedCount = 100;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** What the chart shows; during a run it may already be the new run's while the calibration is still the last one's. */
  let chart: PreviewChart | null = null;
  let calibration: { rows: CalibrationRow[]; seedCount: number } | null = null;
  let runner: PreviewRunner | null = null;

  const pathSelect = h("select", { id: uid("path"), attrs: { name: "previewPath" } });
  const indicatorSelect = h("select", { id: uid("indicator"), attrs: { name: "previewIndicator" } });
  const seedsSelect = h("select", { id: uid("seeds"), attrs: { name: "previewSeeds" } }, ...SEED_CHOICES.map((n) => h("option", { attrs: { value: n, selected: n === seedCount } }, formatNumber(n))));
  const status = h("p", { class: "preview-status", attrs: { "aria-live": "polite" } });
  const customHost = h("div", { class: "custom-path" });
  const runTextId = uid("run");
  const runText = h("span", { id: runTextId });
  const runProgress = h("progress", { attrs: { "aria-labelledby": runTextId, hidden: true } });
  const runLine = h("p", { class: "preview-run", attrs: { "aria-live": "polite" } }, runProgress, runText);
  const chartTitleId = uid("chart-title");
  const chartTitle = h("h3", { id: chartTitleId, class: "chart-title" });
  const chartHost = h("div", { class: "chart-host" });
  const legendHost = h("div");
  const tableHost = h("details", { class: "table-alt" });
  const calibrationHost = h("div");

  const controls = h(
    "div",
    { class: "preview-controls" },
    h("div", { class: "field" }, h("label", { attrs: { for: pathSelect.id } }, t("preview.path")), pathSelect),
    h("div", { class: "field" }, h("label", { attrs: { for: indicatorSelect.id } }, t("preview.indicator")), indicatorSelect),
    h("div", { class: "field narrow" }, h("label", { attrs: { for: seedsSelect.id } }, t("preview.seeds")), seedsSelect),
  );

  const element = h(
    "section",
    { class: "preview card", attrs: { "aria-labelledby": "preview-heading" } },
    h("h2", { id: "preview-heading" }, t("preview.title")),
    h("p", { class: "hint" }, t("preview.intro")),
    controls,
    customHost,
    status,
    runLine,
    h("figure", { class: "chart" }, chartTitle, chartHost, legendHost),
    tableHost,
    h("h2", { id: "calibration-heading" }, t("calibration.title")),
    calibrationHost,
  );

  const fillPickers = (s: Scenario) => {
    const policyIds = new Set(s.policies.map((p) => p.id));
    if (choice.kind === "policy" && !policyIds.has(choice.policyId)) choice = { kind: "historical" };
    const options = [
      { value: "historical", label: t("preview.path.historical") },
      ...s.policies.map((p) => ({ value: `policy:${p.id}`, label: t("preview.path.only", { name: localize(p.name) }) })),
      { value: "custom", label: t("preview.path.custom") },
    ];
    pathSelect.replaceChildren(...options.map((o) => h("option", { attrs: { value: o.value, selected: o.value === choiceValue(choice) } }, o.label)));
    indicatorSelect.replaceChildren(...INDICATORS.map((i) => h("option", { attrs: { value: i, selected: i === indicator } }, localize(s.indicators[i]?.label) || i)));
  };

  const renderCustom = (s: Scenario) => {
    if (choice.kind !== "custom") {
      customHost.replaceChildren();
      return;
    }
    custom ??= getDefaultCustomPath(s);
    customHost.replaceChildren(createCustomPathEditor(s, custom, (next) => {
      custom = next;
      schedule();
    }));
  };

  const renderChart = () => {
    if (!scenario || !chart) return;
    const s = scenario;
    const info = s.indicators[indicator];
    const selectedLabel = pathSelect.selectedOptions[0]?.textContent ?? "";
    const input: ChartInput = {
      years: chart.selected.years,
      line: chart.selected.line[indicator],
      band: chart.selected.band[indicator],
      reference: choice.kind === "historical" ? undefined : chart.historicalLine[indicator],
      indicatorLabel: localize(info?.label) || indicator,
      unitLabel: localize(info?.unit),
      lineLabel: t("chart.line", { path: selectedLabel }),
      referenceLabel: t("preview.path.historical"),
    };
    chartTitle.textContent = t("chart.title", { indicator: input.indicatorLabel, path: selectedLabel });
    chartHost.replaceChildren(renderLineChart(input, chartTitleId));
    legendHost.replaceChildren(renderLegend(input, chart.seedCount));
    const wasOpen = tableHost.open;
    tableHost.replaceChildren(h("summary", {}, t("chart.showTable")), renderPreviewTable(input));
    tableHost.open = wasOpen;
  };

  const renderCalibrationRows = () => {
    if (!scenario || !calibration) return;
    calibrationHost.replaceChildren(renderCalibration(scenario, calibration.rows, calibration.seedCount));
  };

  /** The calibration's seed counts are still being played (the last run's stay in place, marked as busy). */
  const setCalibrationBusy = (busy: boolean) => {
    calibrationHost.classList.toggle("busy", busy);
    if (busy) calibrationHost.setAttribute("aria-busy", "true");
    else calibrationHost.removeAttribute("aria-busy");
  };

  const showProgress = ({ done, total }: RunProgress) => {
    runProgress.max = total;
    runProgress.value = done;
    runProgress.hidden = false;
    if (done === 0) runText.textContent = t("preview.running", { total: formatNumber(total) });
  };

  const showStats = (stats: RunStats) => {
    runProgress.hidden = true;
    const values = { games: formatNumber(stats.games), seconds: formatNumber(stats.ms / 1000, { maximumFractionDigits: 2 }), workers: stats.workers };
    if (stats.games === 0) runText.textContent = t("preview.reused");
    else runText.textContent = stats.workers > 0 ? t("preview.took", values) : t("preview.tookMainThread", values);
    element.dataset.computedMs = String(Math.round(stats.ms));
    element.dataset.games = String(stats.games);
    element.dataset.workers = String(stats.workers);
    if (stats.chartMs === null) delete element.dataset.chartMs;
    else element.dataset.chartMs = String(Math.round(stats.chartMs));
  };

  const showChart = (next: PreviewChart) => {
    chart = next;
    element.dataset.chart = "ready";
    setCalibrationBusy(true);
    renderChart();
  };

  const compute = () => {
    if (!scenario) return;
    runner ??= createPreviewRunner();
    const run = runner.run(scenario, choice, custom ?? getDefaultCustomPath(scenario), seedCount, showProgress, showChart);
    run.then(
      (result) => {
        if (!result) return; // a later edit started a new run
        const { preview } = result;
        chart = { selected: preview.selected, historicalLine: preview.historical.line, seedCount: preview.seedCount };
        calibration = { rows: preview.calibration, seedCount: preview.seedCount };
        showStats(result.stats);
        element.dataset.state = "ready";
        element.dataset.chart = "ready";
        setCalibrationBusy(false);
        renderChart();
        renderCalibrationRows();
      },
      (error: unknown) => {
        setCalibrationBusy(false);
        runProgress.hidden = true;
        runText.textContent = t("preview.failed", { reason: error instanceof Error ? error.message : String(error) });
        element.dataset.state = "failed";
      },
    );
  };

  function schedule(): void {
    element.dataset.state = "pending";
    element.dataset.chart = "pending";
    runner?.cancel(); // the running games are stale now: stop them before the debounce ends
    clearTimeout(timer);
    timer = setTimeout(compute, DEBOUNCE_MS);
  }

  pathSelect.addEventListener("change", () => {
    choice = parseChoice(pathSelect.value);
    if (scenario) renderCustom(scenario);
    schedule();
  });
  indicatorSelect.addEventListener("change", () => {
    indicator = (INDICATORS as readonly string[]).includes(indicatorSelect.value) ? (indicatorSelect.value as Indicator) : "homicides";
    renderChart();
  });
  seedsSelect.addEventListener("change", () => {
    seedCount = clampSeedCount(Number(seedsSelect.value) || 100);
    schedule();
  });

  return {
    element,
    update(next) {
      if (!next) {
        status.textContent = scenario ? t("preview.stale") : t("preview.waiting");
        element.dataset.stale = "true";
        return;
      }
      element.dataset.stale = "false";
      status.textContent = "";
      const policiesChanged = !scenario || scenario.policies.map((p) => p.id + localize(p.name)).join() !== next.policies.map((p) => p.id + localize(p.name)).join() || scenario.rounds.length !== next.rounds.length;
      scenario = next;
      if (policiesChanged) {
        fillPickers(next);
        if (custom && custom.length !== next.rounds.length) custom = null;
        renderCustom(next);
      }
      schedule();
    },
  };
}
