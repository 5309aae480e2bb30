// The student's role card: role name, description and agenda (what this role wants to see happen).
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { getLanguage, t } from "../../i18n/i18n.ts";
import { h } from "../../ui/dom.ts";

export function createRoleCard(scenario: Scenario, roleId: string, nickname: string): HTMLElement {
  const role = scenario.roles.find((r) => r.id === roleId);
  const lang = getLanguage();
  if (!role) return h("section", { class: "role-card" }, h("p", {}, t("student.role.none", { nickname })));
  return h(
    "details",
    { class: "role-card", attrs: { open: true, style: `--role-color:${role.color}` } },
    h("summary", {}, h("span", { class: "role-label" }, t("student.role.youAre", { nickname })), h("strong", { class: "role-name" }, role.name[lang])),
    h("p", {}, role.description[lang]),
    h("h3", {}, t("student.role.agenda")),
    h("p", { class: "agenda" }, role.agenda[lang]),
  );
}
