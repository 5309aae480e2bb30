// EN/ES switch shown on every page; the choice is remembered (i18n.setLanguage).
import type { Language } from "../../shared/languages.ts";
import { LANGUAGES } from "../../shared/languages.ts";
import { getLanguage, onLanguageChange, setLanguage, t } from "../i18n/i18n.ts";
import { h } from "./dom.ts";

export function createLanguageSwitch(): HTMLElement {
  const group = h("div", { class: "lang-switch", attrs: { role: "group" } });
  const render = () => {
    group.setAttribute("aria-label", t("common.language"));
    group.replaceChildren(
      ...LANGUAGES.map((lang: Language) =>
        h(
          "button",
          {
            class: "lang-button",
            attrs: { type: "button", "aria-pressed": String(lang === getLanguage()), lang },
            on: { click: () => setLanguage(lang) },
          },
          lang.toUpperCase(),
          h("span", { class: "visually-hidden" }, ` ${t(`common.language.${lang}`)}`),
        ),
      ),
    );
  };
  render();
  onLanguageChange(render);
  return group;
}
