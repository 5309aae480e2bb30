// The round's event cards (title, year, body), used on the host board panel and on phones.
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { getLanguage, t } from "../i18n/i18n.ts";
import { h } from "../ui/dom.ts";

export function createEventCards(scenario: Scenario, eventIds: readonly string[]): HTMLElement {
  const lang = getLanguage();
  const events = eventIds.map((id) => scenario.events.find((e) => e.id === id)).filter((e): e is NonNullable<typeof e> => e !== undefined);
  if (events.length === 0) return h("p", { class: "muted" }, t("event.none"));
  return h(
    "div",
    { class: "event-cards" },
    ...events.map((e) =>
      h("article", { class: "event-card" }, h("p", { class: "event-kicker" }, t("event.kicker", { year: e.year })), h("h3", {}, e.title[lang]), h("p", {}, e.body[lang])),
    ),
  );
}
