// Host command bar: one button per host command, each with a keyboard shortcut shown on it; pause/resume is one toggle.
import type { MessageType } from "../../../shared/protocol/index.ts";
import { t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { createActionFeedback } from "../../ui/actionFeedback.ts";
import { h } from "../../ui/dom.ts";
import { askToConfirm } from "../../ui/confirmDialog.ts";

/** Seconds added by the extend button. */
const EXTEND_SECONDS = 30;

interface Command {
  id: "start" | "advance" | "pause" | "extend" | "skip" | "endSession";
  key: string;
  label: string;
  isEnabled(s: SessionSnapshot): boolean;
  run(connection: SessionConnection): ReturnType<SessionConnection["request"]>;
}

const isTimed = (s: SessionSnapshot) => s.endsAt > 0 || s.pausedRemainingMs > 0;
const isPaused = (s: SessionSnapshot) => s.pausedRemainingMs > 0;
const isLive = (s: SessionSnapshot) => s.phase !== "lobby" && s.phase !== "ended";

function simple(id: Command["id"] & MessageType, key: string, isEnabled: Command["isEnabled"]): Command {
  return { id, key, label: `host.control.${id}`, isEnabled, run: (c) => c.request(id, {}) };
}

const COMMANDS: Command[] = [
  simple("start", "S", (s) => s.phase === "lobby"),
  simple("advance", "N", (s) => isLive(s) && s.phase !== "debrief"),
  {
    id: "pause",
    key: "P",
    label: "host.control.pause",
    isEnabled: (s) => isLive(s) && isTimed(s),
    run: (c) => (isPaused(c.snapshot) ? c.request("resume", {}) : c.request("pause", {})),
  },
  { id: "extend", key: "E", label: "host.control.extend", isEnabled: (s) => isLive(s) && isTimed(s), run: (c) => c.request("extend", { seconds: EXTEND_SECONDS }) },
  simple("skip", "K", (s) => isLive(s) && isTimed(s)),
  simple("endSession", "X", (s) => s.phase !== "ended"),
];

export interface HostControls {
  element: HTMLElement;
  /** Adds a button (e.g. the roster toggle) to the bar, before the feedback line. */
  addButton(button: HTMLElement): void;
  update(snapshot: SessionSnapshot): void;
  destroy(): void;
}

export function createHostControls(connection: SessionConnection): HostControls {
  const feedback = createActionFeedback();
  let snapshot = connection.snapshot;
  const run = async (command: Command) => {
    if (!command.isEnabled(snapshot)) return;
    if (command.id === "endSession") {
      const answer = await askToConfirm({ title: t("host.control.endConfirm"), text: t("host.control.endText"), action: t("host.control.endSession"), danger: true });
      if (!answer.confirmed) return;
    }
    const r = await command.run(connection);
    if (r.ok) feedback.clear();
    else feedback.refuse(r.refusal);
  };
  const buttons = COMMANDS.map((command) => {
    const button = h(
      "button",
      { class: `button control control-${command.id}`, attrs: { type: "button", "aria-keyshortcuts": command.key }, on: { click: () => void run(command) } },
      h("span", { class: "control-label" }, t(command.label, { seconds: EXTEND_SECONDS })),
      " ",
      h("kbd", {}, command.key),
    );
    if (command.id === "pause") button.setAttribute("aria-pressed", "false");
    return { command, button };
  });
  const element = h("nav", { class: "host-controls", attrs: { "aria-label": t("host.control.label") } }, ...buttons.map((b) => b.button), feedback.element);
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const found = buttons.find((b) => b.command.key === event.key.toUpperCase());
    if (!found) return;
    // A key pressed while a dialog is open belongs to the dialog.
    if (document.querySelector("dialog[open]")) return;
    event.preventDefault();
    void run(found.command);
  };
  document.addEventListener("keydown", onKey);
  const update = (s: SessionSnapshot) => {
    snapshot = s;
    for (const { command, button } of buttons) {
      const enabled = command.isEnabled(s);
      button.disabled = !enabled;
      if (command.id === "pause") {
        // One toggle: pressed while paused, and its words say both the state and what pressing does.
        const paused = isPaused(s);
        button.setAttribute("aria-pressed", String(paused));
        const label = button.querySelector(".control-label");
        if (label) label.textContent = paused ? t("host.control.resume") : t("host.control.pause");
      }
    }
  };
  update(snapshot);
  return { element, update, addButton: (b) => element.insertBefore(b, feedback.element), destroy: () => document.removeEventListener("keydown", onKey) };
}
