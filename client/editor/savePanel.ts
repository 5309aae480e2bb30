// Saving: the facilitator key (kept for this tab), the save button with its outcome, and the version history with restore.
import type { HistoryItem } from "./editorApi.ts";
import { getStoredKey, storeKey } from "./editorApi.ts";
import { formatTime, t } from "./editorI18n.ts";
import { h, uid } from "../ui/dom.ts";

export interface SavePanelHandlers {
  onSave(): void;
  onLoadHistory(): void;
  onRestore(version: number): void;
}

export interface SavePanel {
  element: HTMLElement;
  getKey(): string;
  setStatus(text: string, kind: "ok" | "error" | "info"): void;
  setBusy(busy: boolean): void;
  setDirty(dirty: boolean, version: number): void;
  showHistory(items: HistoryItem[] | null, currentVersion: number): void;
  focusKey(): void;
}

export function createSavePanel(handlers: SavePanelHandlers): SavePanel {
  const keyId = uid("key");
  const keyHint = uid("key-hint");
  const key = h("input", { id: keyId, attrs: { type: "password", autocomplete: "off", name: "facilitatorKey", "aria-describedby": keyHint } });
  key.value = getStoredKey();
  key.addEventListener("change", () => storeKey(key.value.trim()));
  const save = h("button", { class: "button primary", attrs: { type: "button", "data-action": "save" } }, t("save.button"));
  save.addEventListener("click", () => {
    storeKey(key.value.trim());
    handlers.onSave();
  });
  const status = h("p", { class: "save-status", attrs: { role: "status" } });
  const state = h("p", { class: "dirty-state" });
  const historyList = h("ol", { class: "history-list" });
  const historyButton = h("button", { class: "button small", attrs: { type: "button" } }, t("history.load"));
  historyButton.addEventListener("click", () => handlers.onLoadHistory());
  const history = h("details", { class: "history" }, h("summary", {}, t("history.title")), historyButton, historyList);
  history.addEventListener("toggle", () => {
    if (history.open) handlers.onLoadHistory();
  });

  const element = h(
    "section",
    { class: "save-panel card", attrs: { "aria-labelledby": "save-heading" } },
    h("h2", { id: "save-heading" }, t("save.title")),
    state,
    h("div", { class: "field" }, h("label", { attrs: { for: keyId } }, t("save.key")), h("p", { class: "hint", id: keyHint }, t("save.keyHint")), key),
    save,
    status,
    history,
  );

  return {
    element,
    getKey: () => key.value.trim(),
    focusKey: () => key.focus(),
    setStatus(text, kind) {
      status.textContent = text;
      status.dataset.kind = kind;
    },
    setBusy(busy) {
      save.disabled = busy;
      save.setAttribute("aria-busy", String(busy));
    },
    setDirty(dirty, version) {
      state.textContent = dirty ? t("save.unsaved", { version }) : t("save.clean", { version });
      state.dataset.dirty = String(dirty);
    },
    showHistory(items, currentVersion) {
      if (items === null) {
        historyList.replaceChildren();
        return;
      }
      if (items.length === 0) {
        historyList.replaceChildren(h("li", {}, t("history.empty")));
        return;
      }
      historyList.replaceChildren(
        ...items.map((item) => {
          const restore = h("button", { class: "button small", attrs: { type: "button" } }, t("history.restore", { version: item.version }));
          restore.addEventListener("click", () => handlers.onRestore(item.version));
          return h("li", {}, h("span", {}, t("history.item", { version: item.version, time: formatTime(item.savedAt) })), item.version === currentVersion ? null : restore);
        }),
      );
    },
  };
}
