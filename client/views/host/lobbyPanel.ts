// Host lobby: the join code in huge type, a QR code and URL on an address phones can reach, and the class roster.
import QRCode from "qrcode";
import type { Scenario } from "../../../shared/content/scenarioSchema.ts";
import { t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { h, replaceChildren, uid } from "../../ui/dom.ts";
import type { Panel } from "../panel.ts";
import type { JoinAddressStore, JoinChoices } from "./joinAddress.ts";
import { createRosterPanel } from "./rosterPanel.ts";

/** The join box: where to go, the code, the QR code, and (for the host) which address and whether phones can reach it. */
export function createJoinBox(code: string, store: JoinAddressStore): Panel {
  const canvas = h("canvas", { class: "qr", attrs: { role: "img" } });
  const url = h("p", { class: "join-url" });
  const pickerId = uid("addr");
  const picker = h("select", { id: pickerId, attrs: { name: "joinAddress" } });
  picker.addEventListener("change", () => store.select(picker.value));
  const pickerField = h("div", { class: "join-address-picker" }, h("label", { attrs: { for: pickerId } }, t("host.lobby.address")), picker);
  const warning = h("p", { class: "join-warning", attrs: { role: "alert" } });
  const render = (choices: JoinChoices | null) => {
    if (!choices) {
      url.textContent = t("host.lobby.findingAddress");
      canvas.hidden = true;
      pickerField.hidden = true;
      warning.hidden = true;
      return;
    }
    const full = `${choices.selected.joinBaseUrl}/${code}`;
    url.textContent = choices.selected.display;
    url.dataset.href = full;
    // A QR code of a loopback address would open each phone's own localhost: none until the computer is on a network.
    canvas.hidden = choices.isUnreachable;
    canvas.setAttribute("aria-label", t("host.lobby.qr", { url: full }));
    if (!choices.isUnreachable) void QRCode.toCanvas(canvas, full, { width: 400, margin: 1, errorCorrectionLevel: "M" });
    pickerField.hidden = choices.options.length < 2;
    replaceChildren(picker, ...choices.options.map((o) => h("option", { attrs: { value: o.joinBaseUrl, selected: o.joinBaseUrl === choices.selected.joinBaseUrl } }, o.label)));
    warning.hidden = !choices.isUnreachable;
    warning.textContent = choices.isUnreachable ? t("host.lobby.loopbackOnly") : "";
  };
  const stop = store.subscribe(render);
  render(store.get());
  const element = h(
    "section",
    { class: "join-box", attrs: { "aria-label": t("host.lobby.joinTitle") } },
    h(
      "div",
      { class: "join-text" },
      h("p", { class: "join-how" }, t("host.lobby.goTo")),
      url,
      h("p", { class: "join-how" }, t("host.lobby.enterCode")),
      h("p", { class: "join-code", attrs: { "aria-label": t("host.lobby.codeIs", { code: code.split("").join(" ") }) } }, code),
      warning,
      pickerField,
    ),
    canvas,
  );
  return { element, update: () => undefined, destroy: stop };
}

export function createLobbyPanel(connection: SessionConnection, scenario: Scenario, snapshot: SessionSnapshot, store: JoinAddressStore): Panel {
  const join = createJoinBox(snapshot.code, store);
  const roster = createRosterPanel(connection, scenario, snapshot, { headingLevel: "h2", showSteps: false });
  const element = h("section", { class: "panel lobby" }, join.element, h("div", { class: "lobby-players" }, roster.element));
  return {
    element,
    update: (s) => roster.update(s),
    destroy: () => join.destroy?.(),
  };
}
