// The student's role card: role name, description and agenda (what this role wants to see happen).
// Open for the first read; afterwards a one-line chip ("Ana · Security forces") that opens on tap.
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { getLanguage, t } from "../../i18n/i18n.ts";
import { h } from "../../ui/dom.ts";

export function createRoleCard(scenario: Scenario, options: { roleId: string; nickname: string; open: boolean; onToggle?: (open: boolean) => void }): HTMLElement {
  const role = scenario.roles.find((r) => r.id === options.roleId);
  const lang = getLanguage();
  if (!role) return h("section", { class: "role-card" }, h("p", {}, t("student.role.none", { nickname: options.nickname })));
  const card = h(
    "details",
    { class: "role-card", attrs: { open: options.open, style: `--role-color:${role.color}` } },
    h("summary", {}, h("span", { class: "role-heading" }, h("span", { class: "role-label" }, t("student.role.youAre", { nickname: options.nickname })), " ", h("strong", { class: "role-name" }, role.name[lang]))),
    h("p", {}, role.description[lang]),
    h("h3", {}, t("student.role.agenda")),
    h("p", { class: "agenda" }, role.agenda[lang]),
  );
  card.addEventListener("toggle", () => options.onToggle?.(card.open));
  return card;
}
