// Landing page: host a session, join one with a code, or open the scenario editor.
import { JOIN_CODE_LENGTH, parseJoinCode } from "../../shared/protocol/joinInput.ts";
import { onLanguageChange, t } from "../i18n/i18n.ts";
import { h, uid } from "../ui/dom.ts";
import { createLanguageSwitch } from "../ui/languageSwitch.ts";

export function renderLanding(root: HTMLElement): void {
  const render = () => {
    const codeId = uid("code");
    const errorId = uid("code-error");
    const codeInput = h("input", {
      id: codeId,
      class: "code-input",
      attrs: { name: "code", autocomplete: "off", autocapitalize: "characters", spellcheck: "false", maxlength: JOIN_CODE_LENGTH, inputmode: "text", "aria-describedby": errorId },
    });
    const error = h("p", { id: errorId, class: "field-error", attrs: { role: "alert" } });
    const form = h(
      "form",
      {
        class: "card join-card",
        on: {
          submit: (event) => {
            event.preventDefault();
            const parsed = parseJoinCode(codeInput.value);
            if (!parsed) {
              error.textContent = t("join.error.codeFormat");
              codeInput.setAttribute("aria-invalid", "true");
              codeInput.focus();
              return;
            }
            location.assign(`/join/${parsed}`);
          },
        },
      },
      h("h2", {}, t("landing.join.title")),
      h("label", { attrs: { for: codeId } }, t("join.code.label")),
      codeInput,
      error,
      h("button", { class: "button primary", attrs: { type: "submit" } }, t("landing.join.button")),
    );
    root.replaceChildren(
      h(
        "main",
        { class: "landing" },
        h("header", { class: "page-header" }, h("h1", {}, t("app.title")), createLanguageSwitch()),
        h("p", { class: "lead" }, t("landing.tagline")),
        h(
          "div",
          { class: "landing-grid" },
          form,
          h("section", { class: "card" }, h("h2", {}, t("landing.host.title")), h("p", {}, t("landing.host.text")), h("a", { class: "button primary", attrs: { href: "/host" } }, t("landing.host.button")), " ", h("a", { class: "button", attrs: { href: "/host/sessions" } }, t("sessions.link"))),
          h("section", { class: "card" }, h("h2", {}, t("landing.edit.title")), h("p", {}, t("landing.edit.text")), h("a", { class: "button", attrs: { href: "/editor" } }, t("landing.edit.button"))),
        ),
      ),
    );
  };
  render();
  onLanguageChange(render);
}
