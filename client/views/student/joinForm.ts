// Student join form: code + nickname with errors shown at the field they concern (unknown code, taken nickname…).
import type { Refusal } from "../../../shared/protocol/index.ts";
import { JOIN_CODE_LENGTH, NICKNAME_MAX_LENGTH, parseJoinCode, parseNickname } from "../../../shared/protocol/joinInput.ts";
import { t } from "../../i18n/i18n.ts";
import { getSavedNickname } from "../../net/storage.ts";
import { h, uid } from "../../ui/dom.ts";
import { getRefusalText } from "../../ui/refusalText.ts";

export interface JoinFormOptions {
  code: string;
  /** Prefill for the nickname field (else the nickname this browser used last). */
  nickname?: string;
  onSubmit(code: string, nickname: string): Promise<Refusal | null>;
}

/** Refusals that concern the code field; the rest are shown at the nickname field. */
const CODE_REFUSALS = new Set(["join/unknown-code", "join/session-ended", "join/session-full", "join/rate-limited", "join/blocked"]);

export function createJoinForm(options: JoinFormOptions): HTMLElement {
  const codeId = uid("code");
  const nickId = uid("nick");
  const codeError = h("p", { id: uid("code-error"), class: "field-error", attrs: { role: "alert" } });
  const nickError = h("p", { id: uid("nick-error"), class: "field-error", attrs: { role: "alert" } });
  const code = h("input", {
    id: codeId,
    class: "code-input",
    attrs: { name: "code", autocomplete: "off", autocapitalize: "characters", spellcheck: "false", maxlength: JOIN_CODE_LENGTH, required: true, "aria-describedby": codeError.id },
  });
  code.value = options.code;
  const nickname = h("input", {
    id: nickId,
    attrs: { name: "nickname", autocomplete: "nickname", maxlength: NICKNAME_MAX_LENGTH, required: true, "aria-describedby": nickError.id },
  });
  nickname.value = options.nickname ?? getSavedNickname();
  const submit = h("button", { class: "button primary", attrs: { type: "submit" } }, t("join.submit"));

  const showError = (field: "code" | "nickname", text: string, suggestion?: string) => {
    const [input, error] = field === "code" ? [code, codeError] : [nickname, nickError];
    input.setAttribute("aria-invalid", "true");
    error.replaceChildren(text);
    if (suggestion) {
      error.append(
        " ",
        h(
          "button",
          {
            class: "button small",
            attrs: { type: "button" },
            on: {
              click: () => {
                nickname.value = suggestion;
                form.requestSubmit();
              },
            },
          },
          t("join.useSuggestion", { nickname: suggestion }),
        ),
      );
    }
    input.focus();
  };
  const clearErrors = () => {
    for (const [input, error] of [[code, codeError], [nickname, nickError]] as const) {
      input.removeAttribute("aria-invalid");
      error.replaceChildren();
    }
  };

  const form = h(
    "form",
    {
      class: "card join-form",
      attrs: { novalidate: true },
      on: {
        submit: (event) => {
          event.preventDefault();
          clearErrors();
          const parsedCode = parseJoinCode(code.value);
          if (!parsedCode) return showError("code", t("join.error.codeFormat"));
          const parsedNick = parseNickname(nickname.value);
          if (!parsedNick) return showError("nickname", t("join.error.nicknameFormat", { max: NICKNAME_MAX_LENGTH }));
          submit.disabled = true;
          submit.textContent = t("join.joining");
          void options.onSubmit(parsedCode, parsedNick).then((refusal) => {
            submit.disabled = false;
            submit.textContent = t("join.submit");
            if (!refusal) return;
            const field = CODE_REFUSALS.has(refusal.code) ? "code" : "nickname";
            showError(field, getRefusalText({ ...refusal, suggestion: undefined }), refusal.suggestion);
          });
        },
      },
    },
    h("h2", {}, t("join.title")),
    h("label", { attrs: { for: codeId } }, t("join.code.label")),
    code,
    codeError,
    h("label", { attrs: { for: nickId } }, t("join.nickname.label")),
    nickname,
    h("p", { class: "hint" }, t("join.nickname.hint", { max: NICKNAME_MAX_LENGTH })),
    nickError,
    submit,
  );
  return form;
}
