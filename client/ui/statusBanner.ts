// The connection banner ("Reconnecting…", "You were removed…") shown at the top of a session page.
import { t } from "../i18n/i18n.ts";
import type { ConnectionStatus } from "../net/sessionConnection.ts";
import { h, replaceChildren } from "./dom.ts";

export interface StatusBanner {
  element: HTMLElement;
  show(status: ConnectionStatus): void;
}

export function createStatusBanner(): StatusBanner {
  const element = h("div", { class: "status-banner", attrs: { role: "status", "aria-live": "assertive", hidden: true } });
  return {
    element,
    show(status) {
      if (status.kind === "connected") {
        element.hidden = true;
        element.replaceChildren();
        return;
      }
      element.hidden = false;
      element.dataset.kind = status.kind;
      if (status.kind === "reconnecting") {
        replaceChildren(element, h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }), t("connection.reconnecting"));
        return;
      }
      replaceChildren(element, t(`connection.left.${status.reason}`), " ", h("a", { attrs: { href: "/" } }, t("common.backHome")));
    },
  };
}
