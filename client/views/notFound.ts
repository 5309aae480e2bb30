// Page for unknown addresses (and the scenario editor until it ships): says so and links home.
import { onLanguageChange, t } from "../i18n/i18n.ts";
import { h } from "../ui/dom.ts";
import { createLanguageSwitch } from "../ui/languageSwitch.ts";

export function renderNotFound(root: HTMLElement): void {
  const render = () =>
    root.replaceChildren(
      h(
        "main",
        { class: "landing" },
        h("header", { class: "page-header" }, h("h1", {}, t("notFound.title")), createLanguageSwitch()),
        h("p", { class: "lead" }, t("notFound.text")),
        h("a", { class: "button primary", attrs: { href: "/" } }, t("common.backHome")),
      ),
    );
  render();
  onLanguageChange(render);
}
