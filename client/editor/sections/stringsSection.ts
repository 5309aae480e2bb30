// Form for the scenario's own texts: title, tagline, intro and its named strings EN/ES (add a key, remove an extra one).
import type { FormContext } from "../fields.ts";
import { localizedField, registerGroup } from "../fields.ts";
import { getAt, setAt } from "../scenarioPath.ts";
import { REQUIRED_STRING_KEYS } from "../../../shared/content/checkScenario.ts";
import { t } from "../editorI18n.ts";
import { h, uid } from "../../ui/dom.ts";

export function createStringsSection(ctx: FormContext): HTMLElement {
  const general = h(
    "div",
    { class: "general" },
    h("h3", {}, t("strings.general")),
    localizedField(ctx, ["title"], t("scenario.title")),
    localizedField(ctx, ["tagline"], t("scenario.tagline")),
    localizedField(ctx, ["intro"], t("scenario.intro"), { multiline: true }),
  );
  const strings = getAt(ctx.getData(), ["strings"]);
  const keys = typeof strings === "object" && strings !== null ? Object.keys(strings) : [];
  const heading = h("h3", { attrs: { tabindex: -1 } }, t("strings.named"));
  const list = h("div", { class: "strings" }, heading, h("p", { class: "hint" }, t("strings.intro")));
  for (const key of keys) {
    const field = localizedField(ctx, ["strings", key], key);
    if (!(REQUIRED_STRING_KEYS as readonly string[]).includes(key)) {
      const remove = h("button", { class: "button small danger", attrs: { type: "button" } }, t("strings.remove", { key }));
      remove.addEventListener("click", () => ctx.restructure((d) => setAt(d, ["strings", key], undefined), ["strings"]));
      field.append(remove);
    }
    list.append(field);
  }
  const newKeyId = uid("newkey");
  const newKey = h("input", { id: newKeyId, attrs: { type: "text", autocomplete: "off", pattern: "[a-zA-Z][a-zA-Z0-9.]*" } });
  const add = h("button", { class: "button small", attrs: { type: "button" } }, t("strings.add"));
  add.addEventListener("click", () => {
    const key = newKey.value.trim();
    if (!key || keys.includes(key)) {
      newKey.focus();
      return;
    }
    ctx.restructure((d) => setAt(d, ["strings", key], { en: "", es: "" }), ["strings", key, "en"]);
  });
  list.append(h("div", { class: "add-row" }, h("label", { attrs: { for: newKeyId } }, t("strings.newKey")), newKey, add));
  registerGroup(ctx, ["strings"], list, heading);
  return h("div", {}, general, list);
}
