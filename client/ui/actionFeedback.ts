// A message area next to a control: refusals in words (role=alert) or a short confirmation (role=status).
import type { Refusal } from "../../shared/protocol/index.ts";
import { h } from "./dom.ts";
import { getRefusalText } from "./refusalText.ts";

export interface ActionFeedback {
  element: HTMLElement;
  refuse(refusal: Refusal): void;
  /** A local validation message (before anything is sent). */
  fail(text: string): void;
  confirm(text: string): void;
  clear(): void;
}

export function createActionFeedback(): ActionFeedback {
  const error = h("p", { class: "field-error", attrs: { role: "alert" } });
  const ok = h("p", { class: "field-ok", attrs: { role: "status" } });
  const element = h("div", { class: "feedback" }, error, ok);
  return {
    element,
    refuse(refusal) {
      ok.textContent = "";
      error.textContent = getRefusalText(refusal);
    },
    fail(text) {
      ok.textContent = "";
      error.textContent = text;
    },
    confirm(text) {
      error.textContent = "";
      ok.textContent = text;
    },
    clear() {
      error.textContent = "";
      ok.textContent = "";
    },
  };
}
