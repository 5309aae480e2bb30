// Form field builders bound to a scenario path: each reads the draft, writes every keystroke back and registers for errors.
import type { ScenarioPath } from "./scenarioPath.ts";
import { formatPath, getAt } from "./scenarioPath.ts";
import type { FieldRegistry } from "./fieldRegistry.ts";
import { formatInputValue, parseNumberInput, parseOptionalText, toggleId } from "./fieldValues.ts";
import { h, uid } from "../ui/dom.ts";
import { t } from "./editorI18n.ts";

/** What the form builders need from the editor: read and write the draft, re-render after structural edits, register fields. */
export interface FormContext {
  getData(): unknown;
  /** Writes a value typed into a field (no re-render, so the focus stays). */
  set(path: ScenarioPath, value: unknown): void;
  /** Applies a structural change (add/remove an item, switch a kind) and re-renders the forms, focusing `focusPath` if given. */
  restructure(change: (data: unknown) => unknown, focusPath?: ScenarioPath): void;
  registry: FieldRegistry;
}

export interface Choice {
  value: string;
  label: string;
}

function errorFor(): HTMLElement {
  return h("p", { id: uid("err"), class: "field-error" });
}

function register(ctx: FormContext, path: ScenarioPath, focusTarget: HTMLElement, inputs: HTMLElement[], errorElement: HTMLElement): void {
  for (const input of inputs) {
    const described = [input.getAttribute("aria-describedby"), errorElement.id].filter(Boolean).join(" ");
    input.setAttribute("aria-describedby", described);
  }
  ctx.registry.register(formatPath(path), { focusTarget, inputs, errorElement });
}

function labelled(label: string, control: HTMLElement, error: HTMLElement, hint?: string, className = "field"): HTMLElement {
  const id = control.id || uid("f");
  control.id = id;
  const hintEl = hint ? h("p", { class: "hint", id: uid("hint") }, hint) : null;
  if (hintEl) control.setAttribute("aria-describedby", hintEl.id);
  return h("div", { class: className }, h("label", { attrs: { for: id } }, label), hintEl, control, error);
}

export function textField(ctx: FormContext, path: ScenarioPath, label: string, options: { multiline?: boolean; lang?: string; hint?: string; optional?: boolean; className?: string } = {}): HTMLElement {
  const value = formatInputValue(getAt(ctx.getData(), path));
  const input = options.multiline
    ? h("textarea", { attrs: { rows: 3, lang: options.lang, name: formatPath(path) } })
    : h("input", { attrs: { type: "text", lang: options.lang, name: formatPath(path), autocomplete: "off" } });
  input.value = value;
  input.addEventListener("input", () => ctx.set(path, options.optional ? parseOptionalText(input.value) : input.value));
  const error = errorFor();
  const el = labelled(label, input, error, options.hint, options.className);
  register(ctx, path, input, [input], error);
  return el;
}

/** A localised text: English and Spanish side by side in one fieldset. */
export function localizedField(ctx: FormContext, path: ScenarioPath, label: string, options: { multiline?: boolean } = {}): HTMLElement {
  const error = errorFor();
  const en = textField(ctx, [...path, "en"], t("field.english"), { multiline: options.multiline, lang: "en", className: "field lang-field" });
  const es = textField(ctx, [...path, "es"], t("field.spanish"), { multiline: options.multiline, lang: "es", className: "field lang-field" });
  const fieldset = h("fieldset", { class: "localized" }, h("legend", {}, label), h("div", { class: "lang-pair" }, en, es), error);
  const inputs = Array.from(fieldset.querySelectorAll<HTMLElement>("input, textarea"));
  register(ctx, path, inputs[0] ?? fieldset, inputs, error);
  return fieldset;
}

export function numberField(ctx: FormContext, path: ScenarioPath, label: string, options: { min?: number; max?: number; step?: number | "any"; hint?: string; parse?: (raw: string) => number | undefined; className?: string } = {}): HTMLElement {
  const input = h("input", { attrs: { type: "number", inputmode: "decimal", min: options.min, max: options.max, step: options.step ?? "any", name: formatPath(path) } });
  input.value = formatInputValue(getAt(ctx.getData(), path));
  const parse = options.parse ?? parseNumberInput;
  input.addEventListener("input", () => ctx.set(path, parse(input.value)));
  const error = errorFor();
  const el = labelled(label, input, error, options.hint, options.className);
  register(ctx, path, input, [input], error);
  return el;
}

/** A 0..1 slider with its number shown beside it; 0 removes the key (levers are a partial record). */
export function sliderField(ctx: FormContext, path: ScenarioPath, label: string): HTMLElement {
  const current = getAt(ctx.getData(), path);
  const input = h("input", { attrs: { type: "range", min: 0, max: 1, step: 0.05, name: formatPath(path) } });
  input.value = String(typeof current === "number" ? current : 0);
  const output = h("output", { class: "slider-value", attrs: { for: "" } }, Number(input.value).toFixed(2));
  input.addEventListener("input", () => {
    const value = Number(input.value);
    output.textContent = value.toFixed(2);
    input.setAttribute("aria-valuetext", value.toFixed(2));
    ctx.set(path, value === 0 ? undefined : value);
  });
  const error = errorFor();
  const id = uid("slider");
  input.id = id;
  output.setAttribute("for", id);
  const el = h("div", { class: "field slider-field" }, h("label", { attrs: { for: id } }, label), h("div", { class: "slider-row" }, input, output), error);
  register(ctx, path, input, [input], error);
  return el;
}

export function selectField(ctx: FormContext, path: ScenarioPath, label: string, choices: readonly Choice[], options: { noneLabel?: string; onChange?: (value: string) => void; hint?: string } = {}): HTMLElement {
  const current = formatInputValue(getAt(ctx.getData(), path));
  const all = options.noneLabel !== undefined ? [{ value: "", label: options.noneLabel }, ...choices] : [...choices];
  if (current !== "" && !all.some((c) => c.value === current)) all.push({ value: current, label: t("field.unknownChoice", { value: current }) });
  const select = h("select", { attrs: { name: formatPath(path) } }, ...all.map((c) => h("option", { attrs: { value: c.value, selected: c.value === current } }, c.label)));
  select.addEventListener("change", () => {
    if (options.onChange) options.onChange(select.value);
    else ctx.set(path, options.noneLabel !== undefined && select.value === "" ? undefined : select.value);
  });
  const error = errorFor();
  const el = labelled(label, select, error, options.hint);
  register(ctx, path, select, [select], error);
  return el;
}

export function colorField(ctx: FormContext, path: ScenarioPath, label: string): HTMLElement {
  const current = formatInputValue(getAt(ctx.getData(), path));
  const input = h("input", { class: "color-input", attrs: { type: "color", name: formatPath(path) } });
  input.value = /^#[0-9a-fA-F]{6}$/.test(current) ? current.toLowerCase() : "#000000";
  input.addEventListener("input", () => ctx.set(path, input.value));
  const error = errorFor();
  const el = labelled(label, input, error);
  register(ctx, path, input, [input], error);
  return el;
}

/** A group of checkboxes that edits a list of ids (e.g. the figures a policy cites). */
export function idChecklist(ctx: FormContext, path: ScenarioPath, label: string, choices: readonly Choice[]): HTMLElement {
  const selected = new Set(((getAt(ctx.getData(), path) as unknown[] | undefined) ?? []).map(String));
  const boxes = choices.map((c) => {
    const box = h("input", { attrs: { type: "checkbox", value: c.value, checked: selected.has(c.value) } });
    box.addEventListener("change", () => ctx.set(path, toggleId(getAt(ctx.getData(), path), c.value, box.checked)));
    return h("label", { class: "check" }, box, h("span", {}, c.label));
  });
  const error = errorFor();
  const inputs = boxes.map((b) => b.querySelector("input")).filter((x): x is HTMLInputElement => x !== null);
  const fieldset = h("fieldset", { class: "checklist" }, h("legend", {}, label), h("div", { class: "checklist-items" }, ...boxes), error);
  register(ctx, path, inputs[0] ?? fieldset, inputs, error);
  // Unknown ids in the list (e.g. a figure that was removed) stay visible through the error at the group.
  return fieldset;
}

/** Registers a group (a fieldset or an item) so errors about the whole group show at it. */
export function registerGroup(ctx: FormContext, path: ScenarioPath, container: HTMLElement, focusTarget: HTMLElement): HTMLElement {
  const error = errorFor();
  container.append(error);
  ctx.registry.register(formatPath(path), { focusTarget, inputs: [], errorElement: error });
  return error;
}
