// A list section of the form: one collapsible item per entry, with add and remove, keeping which items are open across re-renders.
import type { FormContext } from "./fields.ts";
import { registerGroup } from "./fields.ts";
import type { ScenarioPath } from "./scenarioPath.ts";
import { appendAt, formatPath, getAt, removeAt } from "./scenarioPath.ts";
import { h } from "../ui/dom.ts";
import { t } from "./editorI18n.ts";

export interface ItemListOptions {
  path: ScenarioPath;
  heading: string;
  intro?: string;
  /** The summary line of an item (its name in the current language, else its id). */
  getTitle(item: unknown, index: number): string;
  renderItem(itemPath: ScenarioPath, item: unknown): HTMLElement[];
  addLabel: string;
  /** A new entry to append (may be incomplete: the validator then names what to fill in). */
  createItem(data: unknown): unknown;
  /** Path of the field to focus in a new item. */
  getFocusPath?(itemPath: ScenarioPath): ScenarioPath;
  removeLabel(title: string): string;
}

/** Items the facilitator has opened, by formatted path (shared by every list so re-renders keep them open). */
export const openItems = new Set<string>();

export function createItemList(ctx: FormContext, options: ItemListOptions): HTMLElement {
  const list = getAt(ctx.getData(), options.path);
  const items = Array.isArray(list) ? list : [];
  const heading = h("h3", { attrs: { tabindex: -1 } }, options.heading, " ", h("span", { class: "count" }, `(${items.length})`));
  const section = h("div", { class: "item-list" }, heading, options.intro ? h("p", { class: "hint" }, options.intro) : null);
  items.forEach((item, index) => {
    const itemPath = [...options.path, index];
    const key = formatPath(itemPath);
    const title = options.getTitle(item, index) || t("item.untitled", { number: index + 1 });
    const titleText = h("span", { class: "item-title" }, title);
    const summary = h("summary", {}, titleText);
    const remove = h("button", { class: "button small danger", attrs: { type: "button" } }, options.removeLabel(title));
    remove.addEventListener("click", () => {
      if (!confirm(t("item.confirmRemove", { name: titleText.textContent ?? title }))) return;
      openItems.delete(key);
      ctx.restructure((data) => removeAt(data, itemPath), options.path);
    });
    const details = h("details", { class: "item", attrs: { open: openItems.has(key) } }, summary, h("div", { class: "item-body" }, ...options.renderItem(itemPath, item), h("div", { class: "item-actions" }, remove)));
    details.addEventListener("toggle", () => (details.open ? openItems.add(key) : openItems.delete(key)));
    // Keep the summary and the remove button naming the item as its name is typed (fields write the draft first).
    details.addEventListener("input", () => {
      const current = options.getTitle(getAt(ctx.getData(), itemPath), index) || t("item.untitled", { number: index + 1 });
      titleText.textContent = current;
      remove.textContent = options.removeLabel(current);
    });
    registerGroup(ctx, itemPath, details, summary);
    section.append(details);
  });
  const add = h("button", { class: "button", attrs: { type: "button" } }, options.addLabel);
  add.addEventListener("click", () => {
    const itemPath = [...options.path, items.length];
    openItems.add(formatPath(itemPath));
    ctx.restructure((data) => appendAt(data, options.path, options.createItem(data)), options.getFocusPath?.(itemPath) ?? itemPath);
  });
  registerGroup(ctx, options.path, section, heading);
  section.append(add);
  return section;
}

/** Ids of the entries of a list in the draft (for pickers and fresh ids). */
export function getIds(data: unknown, key: string): string[] {
  const list = getAt(data, [key]);
  if (!Array.isArray(list)) return [];
  return list.map((item) => (typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === "string");
}
