// The editing area: a tab per part of the scenario (forms) plus the raw JSON of everything, all bound to the draft.
import type { FormContext } from "./fields.ts";
import { createPoliciesSection } from "./sections/policiesSection.ts";
import { createRolesSection } from "./sections/rolesSection.ts";
import { createEventsSection } from "./sections/eventsSection.ts";
import { createFiguresSection } from "./sections/figuresSection.ts";
import { createParametersSection } from "./sections/parametersSection.ts";
import { createStringsSection } from "./sections/stringsSection.ts";
import { createRawJsonSection } from "./rawJsonSection.ts";
import type { RawJsonSection } from "./rawJsonSection.ts";
import { t } from "./editorI18n.ts";
import { h } from "../ui/dom.ts";

type TabId = "policies" | "roles" | "events" | "figures" | "parameters" | "texts" | "json";

export interface FormsView {
  element: HTMLElement;
  /** Rebuilds every form from the draft (after a structural change or a new scenario). */
  render(): void;
  /** Shows the tab holding the field registered at `path`, opens its item and focuses it. */
  focusPath(path: string): boolean;
  raw: RawJsonSection;
}

export function createFormsView(ctx: FormContext, onRawChange: (data: unknown, rawText: string | null) => void): FormsView {
  const tabs: { id: TabId; label: string; build: () => HTMLElement }[] = [
    { id: "policies", label: t("section.policies"), build: () => createPoliciesSection(ctx) },
    { id: "roles", label: t("section.roles"), build: () => createRolesSection(ctx) },
    { id: "events", label: t("section.events"), build: () => createEventsSection(ctx) },
    { id: "figures", label: t("section.figuresAndSources"), build: () => createFiguresSection(ctx) },
    { id: "parameters", label: t("section.parameters"), build: () => createParametersSection(ctx) },
    { id: "texts", label: t("section.texts"), build: () => createStringsSection(ctx) },
    { id: "json", label: t("section.json"), build: () => raw.element },
  ];
  const raw = createRawJsonSection(ctx, onRawChange);
  let active: TabId = "policies";
  const tabButtons = new Map<TabId, HTMLButtonElement>();
  const panels = new Map<TabId, HTMLElement>();
  const tabList = h("div", { class: "tabs", attrs: { role: "tablist", "aria-label": t("tabs.label") } });
  const panelHost = h("div", { class: "tab-panels" });

  const select = (id: TabId, focusTab = false) => {
    active = id;
    for (const [tid, button] of tabButtons) {
      const on = tid === id;
      button.setAttribute("aria-selected", String(on));
      button.tabIndex = on ? 0 : -1;
      panels.get(tid)?.toggleAttribute("hidden", !on);
    }
    if (id === "json") raw.refresh();
    if (focusTab) tabButtons.get(id)?.focus();
  };

  for (const tab of tabs) {
    const button = h("button", { id: `tab-${tab.id}`, class: "tab", attrs: { type: "button", role: "tab", "aria-controls": `panel-${tab.id}` } }, tab.label);
    button.addEventListener("click", () => select(tab.id));
    button.addEventListener("keydown", (event) => {
      const index = tabs.findIndex((x) => x.id === tab.id);
      const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      const next = tabs[(index + step + tabs.length) % tabs.length];
      if (next) select(next.id, true);
    });
    tabButtons.set(tab.id, button);
    tabList.append(button);
    const panel = h("div", { id: `panel-${tab.id}`, class: "tab-panel", attrs: { role: "tabpanel", "aria-labelledby": `tab-${tab.id}`, tabindex: 0 } });
    panels.set(tab.id, panel);
    panelHost.append(panel);
  }

  const render = () => {
    ctx.registry.clear();
    for (const tab of tabs) {
      const panel = panels.get(tab.id);
      if (!panel) continue;
      if (tab.id === "json") {
        if (!panel.firstChild) panel.append(raw.element);
        raw.register();
      } else {
        panel.replaceChildren(tab.build());
      }
    }
    select(active);
  };

  return {
    element: h("div", { class: "forms card" }, tabList, panelHost),
    render,
    raw,
    focusPath(path) {
      const field = ctx.registry.get(path);
      if (!field) return false;
      const panel = field.focusTarget.closest<HTMLElement>(".tab-panel");
      const tab = tabs.find((x) => panels.get(x.id) === panel);
      if (tab) select(tab.id);
      for (let node: HTMLElement | null = field.focusTarget; node; node = node.parentElement) {
        if (node instanceof HTMLDetailsElement) node.open = true;
      }
      if (!field.focusTarget.matches("input, select, textarea, button, summary, [tabindex]")) field.focusTarget.tabIndex = -1;
      field.focusTarget.focus();
      field.focusTarget.scrollIntoView({ block: "center" });
      return true;
    },
  };
}
