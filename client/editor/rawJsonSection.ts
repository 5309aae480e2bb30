// The raw JSON view of the whole draft: edits that parse replace the draft; text that does not parse is kept and its error shown.
import type { FormContext } from "./fields.ts";
import { t } from "./editorI18n.ts";
import { h, uid } from "../ui/dom.ts";

export interface RawJsonSection {
  element: HTMLElement;
  /** Shows the draft's current JSON unless the facilitator is typing in it or has unparsed text. */
  refresh(force?: boolean): void;
  /** Registers the view as the place for errors about the whole scenario or parts without a form. */
  register(): void;
}

const DEBOUNCE_MS = 400;

export function createRawJsonSection(ctx: FormContext, onChange: (data: unknown, rawText: string | null) => void): RawJsonSection {
  const id = uid("raw");
  const hintId = uid("raw-hint");
  const textarea = h("textarea", { id, class: "raw-json", attrs: { spellcheck: "false", rows: 30, "aria-describedby": hintId, name: "rawJson" } });
  const parseError = h("p", { class: "field-error", id: uid("raw-parse"), attrs: { role: "alert" } });
  const errors = h("p", { class: "field-error", id: uid("raw-errors") });
  textarea.setAttribute("aria-describedby", `${hintId} ${parseError.id} ${errors.id}`);
  let unparsed: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  textarea.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const text = textarea.value;
      try {
        const data: unknown = JSON.parse(text);
        unparsed = null;
        parseError.textContent = "";
        textarea.removeAttribute("aria-invalid");
        onChange(data, null);
      } catch (err) {
        unparsed = text;
        parseError.textContent = t("json.parseError", { message: (err as Error).message });
        textarea.setAttribute("aria-invalid", "true");
        onChange(ctx.getData(), text);
      }
    }, DEBOUNCE_MS);
  });

  const element = h(
    "div",
    { class: "raw-section" },
    h("h3", {}, h("label", { attrs: { for: id } }, t("json.label"))),
    h("p", { class: "hint", id: hintId }, t("json.hint")),
    textarea,
    parseError,
    errors,
  );

  return {
    element,
    refresh(force = false) {
      if (!force && (document.activeElement === textarea || unparsed !== null)) return;
      textarea.value = JSON.stringify(ctx.getData(), null, 2);
    },
    register() {
      ctx.registry.register("(root)", { focusTarget: textarea, inputs: [textarea], errorElement: errors });
    },
  };
}

/** Puts unparsed text back after a reload (the draft kept it). */
export function restoreRawText(section: RawJsonSection, text: string): void {
  const textarea = section.element.querySelector("textarea");
  if (!textarea) return;
  textarea.value = text;
  textarea.dispatchEvent(new Event("input"));
}
