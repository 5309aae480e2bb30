// Host command bar: one button per host command, each with a keyboard shortcut shown on it.
import type { MessageType } from "../../../shared/protocol/index.ts";
import { t } from "../../i18n/i18n.ts";
import type { SessionConnection } from "../../net/sessionConnection.ts";
import type { SessionSnapshot } from "../../state/snapshot.ts";
import { createActionFeedback } from "../../ui/actionFeedback.ts";
import { h } from "../../ui/dom.ts";

/** Seconds added by the extend button. */
const EXTEND_SECONDS = 30;

interface Command {
  id: "start" | "advance" | "pause" | "resume" | "extend" | "skip" | "endSession";
  key: string;
  label: string;
  isEnabled(s: SessionSnapshot): boolean;
  run(connection: SessionConnection): ReturnType<SessionConnection["request"]>;
}

const isTimed = (s: SessionSnapshot) => s.endsAt > 0 || s.pausedRemainingMs > 0;
const isLive = (s: SessionSnapshot) => s.phase !== "lobby" && s.phase !== "ended";

function simple(id: Command["id"] & MessageType, key: string, isEnabled: Command["isEnabled"]): Command {
  return { id, key, label: `host.control.${id}`, isEnabled, run: (c) => c.request(id, {}) };
}

const COMMANDS: Command[] = [
  simple("start", "S", (s) => s.phase === "lobby"),
  simple("advance", "N", (s) => isLive(s) && s.phase !== "debrief"),
  simple("pause", "P", (s) => isLive(s) && s.endsAt > 0 && s.pausedRemainingMs === 0),
  simple("resume", "R", (s) => s.pausedRemainingMs > 0),
  { id: "extend", key: "E", label: "host.control.extend", isEnabled: (s) => isLive(s) && isTimed(s), run: (c) => c.request("extend", { seconds: EXTEND_SECONDS }) },
  simple("skip", "K", (s) => isLive(s) && isTimed(s)),
  simple("endSession", "X", (s) => s.phase !== "ended"),
];

export interface HostControls {
  element: HTMLElement;
  update(snapshot: SessionSnapshot): void;
  destroy(): void;
}

export function createHostControls(connection: SessionConnection): HostControls {
  const feedback = createActionFeedback();
  let snapshot = connection.snapshot;
  const run = (command: Command) => {
    if (!command.isEnabled(snapshot)) return;
    if (command.id === "endSession" && !confirm(t("host.control.endConfirm"))) return;
    void command.run(connection).then((r) => (r.ok ? feedback.clear() : feedback.refuse(r.refusal)));
  };
  const buttons = COMMANDS.map((command) => {
    const button = h(
      "button",
      { class: `button control control-${command.id}`, attrs: { type: "button", "aria-keyshortcuts": command.key }, on: { click: () => run(command) } },
      t(command.label, { seconds: EXTEND_SECONDS }),
      " ",
      h("kbd", {}, command.key),
    );
    return { command, button };
  });
  const element = h("nav", { class: "host-controls", attrs: { "aria-label": t("host.control.label") } }, ...buttons.map((b) => b.button), feedback.element);
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const found = buttons.find((b) => b.command.key === event.key.toUpperCase());
    if (!found) return;
    event.preventDefault();
    run(found.command);
  };
  document.addEventListener("keydown", onKey);
  const update = (s: SessionSnapshot) => {
    snapshot = s;
    for (const { command, button } of buttons) {
      const enabled = command.isEnabled(s);
      button.disabled = !enabled;
      // Pause and resume share a place: show the one that applies.
      if (command.id === "pause") button.hidden = s.pausedRemainingMs > 0;
      if (command.id === "resume") button.hidden = s.pausedRemainingMs === 0;
    }
  };
  update(snapshot);
  return { element, update, destroy: () => document.removeEventListener("keydown", onKey) };
}
