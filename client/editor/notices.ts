// Notices above the editor (restored draft, leftover drafts, save conflicts), each with its actions as buttons.
import { h } from "../ui/dom.ts";

export interface NoticeAction {
  label: string;
  run(): void;
  primary?: boolean;
}

export interface Notices {
  element: HTMLElement;
  show(id: string, kind: "info" | "warning" | "error", text: string, actions?: NoticeAction[]): void;
  hide(id: string): void;
  clear(): void;
}

export function createNotices(): Notices {
  const element = h("div", { class: "notices", attrs: { "aria-live": "polite" } });
  const shown = new Map<string, HTMLElement>();
  return {
    element,
    show(id, kind, text, actions = []) {
      const label = kind === "error" ? "✗" : kind === "warning" ? "!" : "i";
      const notice = h(
        "div",
        { class: `notice ${kind}`, attrs: { "data-notice": id, role: kind === "info" ? "status" : "alert" } },
        h("span", { class: "notice-icon", attrs: { "aria-hidden": "true" } }, label),
        h("p", {}, text),
        h("div", { class: "notice-actions" }, ...actions.map((a) => h("button", { class: `button small${a.primary ? " primary" : ""}`, attrs: { type: "button" }, on: { click: () => a.run() } }, a.label))),
      );
      const existing = shown.get(id);
      if (existing) existing.replaceWith(notice);
      else element.append(notice);
      shown.set(id, notice);
    },
    hide(id) {
      shown.get(id)?.remove();
      shown.delete(id);
    },
    clear() {
      element.replaceChildren();
      shown.clear();
    },
  };
}
