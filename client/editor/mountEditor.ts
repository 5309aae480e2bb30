// The facilitator's scenario editor at /editor: pick, edit (forms + raw JSON, validated live), preview with the shared rules,
// keep unsaved work in the browser, and save to the server with the facilitator key.
import "./editor.css";
import type { Scenario } from "../../shared/content/scenarioSchema.ts";
import { DraftStore } from "./draftStore.ts";
import type { Draft } from "./draftStore.ts";
import { EditorSession } from "./editorSession.ts";
import { editorApi } from "./editorApi.ts";
import type { ApiRefusal, ScenarioListing } from "./editorApi.ts";
import { FieldRegistry } from "./fieldRegistry.ts";
import type { FormContext } from "./fields.ts";
import { createFormsView } from "./formsView.ts";
import { restoreRawText } from "./rawJsonSection.ts";
import { createErrorSummary } from "./errorSummary.ts";
import { createPreviewPanel } from "./previewPanel.ts";
import { createSavePanel } from "./savePanel.ts";
import { createScenarioToolbar } from "./scenarioToolbar.ts";
import type { NewScenarioDetails } from "./scenarioToolbar.ts";
import { createNotices } from "./notices.ts";
import { downloadJson } from "../ui/download.ts";
import { setAt } from "./scenarioPath.ts";
import { formatPath } from "./scenarioPath.ts";
import type { EditorError } from "./validateDraft.ts";
import { validateDraft } from "./validateDraft.ts";
import { formatTime, t } from "./editorI18n.ts";
import { onLanguageChange } from "../i18n/i18n.ts";
import { createLanguageSwitch } from "../ui/languageSwitch.ts";
import { h } from "../ui/dom.ts";

const VALIDATE_MS = 150;

function safeLocalStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

export function mountEditor(root: HTMLElement): void {
  mount(root, { isRemount: false });
}

function mount(root: HTMLElement, options: { isRemount: boolean }): void {
  const session = new EditorSession(new DraftStore(safeLocalStorage()));
  const registry = new FieldRegistry();
  let listing: ScenarioListing[] = [];
  let validateTimer: ReturnType<typeof setTimeout> | undefined;
  let serverErrors: EditorError[] | null = null;

  const ctx: FormContext = {
    getData: () => session.data,
    set(path, value) {
      session.update(setAt(session.data, path, value));
      serverErrors = null;
      afterEdit();
    },
    restructure(change, focusPath) {
      session.update(change(session.data));
      serverErrors = null;
      forms.render();
      validateNow();
      refreshDirty();
      if (focusPath && !forms.focusPath(formatPath(focusPath))) forms.focusPath(formatPath(focusPath.slice(0, -1)));
    },
    registry,
  };

  const notices = createNotices();
  const summary = createErrorSummary((path) => forms.focusPath(path));
  const preview = createPreviewPanel();
  const forms = createFormsView(ctx, (data, rawText) => {
    session.update(data, rawText);
    serverErrors = null;
    if (rawText === null) {
      forms.render();
      validateNow();
    }
    refreshDirty();
  });
  const savePanel = createSavePanel({ onSave: () => void save(), onLoadHistory: () => void loadHistory(), onRestore: (v) => void restore(v) });
  const toolbar = createScenarioToolbar({
    onPick: (id) => void openScenario(id),
    onDuplicate: (details) => createScenario(details),
    onImport: (file) => void importFile(file),
    onExport: () => downloadJson(`${session.scenarioId}-v${session.baseVersion}${session.isDirty() ? "-edited" : ""}.json`, session.data),
  });
  let pendingImport: unknown = null;
  let isFirstLoad = true;

  function refreshDirty(): void {
    savePanel.setDirty(session.isDirty(), session.baseVersion);
    root.dataset.dirty = String(session.isDirty());
  }

  function validateNow(): void {
    clearTimeout(validateTimer);
    const check = validateDraft(session.data);
    const errors = serverErrors ?? check.errors;
    const placed = registry.show(errors);
    summary.update(placed, session.data, serverErrors ? "server" : "local");
    root.dataset.errors = String(errors.length);
    preview.update(check.ok ? check.scenario : null);
  }

  function afterEdit(): void {
    refreshDirty();
    clearTimeout(validateTimer);
    validateTimer = setTimeout(validateNow, VALIDATE_MS);
  }

  function describeRefusal(refusal: ApiRefusal): string {
    if (refusal.code === "auth/no-key") return t("save.noKey");
    if (refusal.code === "auth/bad-key") return t("save.badKey");
    if (refusal.code === "network/offline") return t("save.offline");
    return refusal.message;
  }

  function showStaleDrafts(stale: Draft[]): void {
    for (const draft of stale) {
      const id = `stale-${draft.baseVersion}`;
      notices.show(id, "warning", t("notice.staleDraft", { version: draft.baseVersion, time: formatTime(draft.savedAt) }), [
        { label: t("notice.download"), run: () => downloadJson(`${draft.scenarioId}-v${draft.baseVersion}-unsaved.json`, draft.data), primary: true },
        {
          label: t("notice.forget"),
          run: () => {
            session.discardStale(draft);
            notices.hide(id);
          },
        },
      ]);
    }
  }

  function load(scenario: Scenario): void {
    notices.clear();
    const { restored, stale } = session.open(scenario);
    serverErrors = null;
    savePanel.showHistory(null, scenario.version);
    savePanel.setStatus("", "info");
    toolbar.setListing(listing.some((s) => s.id === scenario.id) ? listing : [...listing, { id: scenario.id, version: scenario.version, title: scenario.title }], scenario.id);
    forms.render();
    forms.raw.refresh(true);
    if (restored?.rawText) restoreRawText(forms.raw, restored.rawText);
    if (restored && !(options.isRemount && isFirstLoad)) {
      notices.show("restored", "info", t("notice.restored", { time: formatTime(restored.savedAt) }), [
        {
          label: t("notice.discard"),
          run: () => {
            if (!confirm(t("notice.confirmDiscard"))) return;
            session.update(session.getBase());
            forms.render();
            forms.raw.refresh(true);
            validateNow();
            refreshDirty();
            notices.hide("restored");
          },
        },
      ]);
    }
    showStaleDrafts(stale);
    isFirstLoad = false;
    validateNow();
    refreshDirty();
    const url = new URL(location.href);
    url.searchParams.set("scenario", scenario.id);
    history.replaceState(null, "", url);
  }

  async function openScenario(id: string): Promise<void> {
    const result = await editorApi.getScenario(id);
    if (!result.ok) {
      notices.show("load", "error", t("notice.loadFailed", { id, message: result.refusal.message }));
      return;
    }
    load(result.value);
  }

  async function refreshListing(): Promise<void> {
    const result = await editorApi.listScenarios();
    if (result.ok) listing = result.value;
  }

  async function save(): Promise<void> {
    const key = savePanel.getKey();
    if (!key) {
      savePanel.setStatus(t("save.noKey"), "error");
      savePanel.focusKey();
      return;
    }
    const check = validateDraft(session.data);
    if (!check.ok) {
      savePanel.setStatus(t("save.fixFirst", { count: check.errors.length }), "error");
      document.getElementById("error-summary-heading")?.focus();
      return;
    }
    if (!session.isDirty()) {
      savePanel.setStatus(t("save.nothing"), "info");
      return;
    }
    savePanel.setBusy(true);
    savePanel.setStatus(t("save.saving"), "info");
    const sent = session.data;
    const result = await editorApi.save(key, session.scenarioId, session.baseVersion, sent);
    savePanel.setBusy(false);
    if (result.ok) {
      session.markSaved(result.value.scenario);
      notices.hide("conflict");
      notices.hide("restored");
      await refreshListing();
      toolbar.setListing(listing, session.scenarioId);
      forms.raw.refresh(true);
      validateNow();
      refreshDirty();
      savePanel.setStatus(t("save.saved", { version: result.value.version }), "ok");
      return;
    }
    const refusal = result.refusal;
    if (refusal.code === "scenario/conflict") {
      savePanel.setStatus(t("save.conflictShort"), "error");
      const mine = structuredClone(sent);
      notices.show("conflict", "error", t("notice.conflict", { mine: session.baseVersion, theirs: refusal.currentVersion ?? "?" }), [
        { label: t("notice.download"), run: () => downloadJson(`${session.scenarioId}-v${session.baseVersion}-mine.json`, mine) },
        {
          label: t("notice.loadNewer", { version: refusal.currentVersion ?? "?" }),
          primary: true,
          run: () => {
            void openScenario(session.scenarioId).then(() => {
              notices.show("conflict-kept", "info", t("notice.conflictKept"), [{ label: t("notice.download"), run: () => downloadJson(`${session.scenarioId}-unsaved.json`, mine), primary: true }]);
            });
          },
        },
      ]);
      return;
    }
    if (refusal.code === "scenario/invalid" && refusal.errors) {
      serverErrors = refusal.errors;
      validateNow();
    }
    savePanel.setStatus(describeRefusal(refusal), "error");
    if (refusal.code.startsWith("auth/")) savePanel.focusKey();
  }

  async function loadHistory(): Promise<void> {
    const key = savePanel.getKey();
    if (!key) {
      savePanel.setStatus(t("history.needKey"), "error");
      savePanel.focusKey();
      return;
    }
    const result = await editorApi.history(key, session.scenarioId);
    if (!result.ok) {
      savePanel.setStatus(describeRefusal(result.refusal), "error");
      return;
    }
    savePanel.showHistory(result.value, session.baseVersion);
  }

  async function restore(version: number): Promise<void> {
    if (session.isDirty() && !confirm(t("history.confirmRestore", { version }))) return;
    const result = await editorApi.restore(savePanel.getKey(), session.scenarioId, version, session.baseVersion);
    if (!result.ok) {
      savePanel.setStatus(describeRefusal(result.refusal), "error");
      return;
    }
    session.markSaved(result.value.scenario);
    load(result.value.scenario);
    await refreshListing();
    toolbar.setListing(listing, session.scenarioId);
    savePanel.setStatus(t("history.restored", { version, newVersion: result.value.version }), "ok");
    void loadHistory();
  }

  async function createScenario(details: NewScenarioDetails): Promise<string | null> {
    const key = savePanel.getKey();
    if (!key) {
      savePanel.focusKey();
      return t("save.noKey");
    }
    const base = pendingImport ?? session.data;
    const check = validateDraft(base);
    if (!check.ok) return t("duplicate.invalid", { count: check.errors.length });
    const result = await editorApi.create(key, { ...(base as Record<string, unknown>), id: details.id, title: details.title, version: 1 });
    if (!result.ok) return describeRefusal(result.refusal);
    pendingImport = null;
    await refreshListing();
    load(result.value.scenario);
    savePanel.setStatus(t("duplicate.created", { id: result.value.id }), "ok");
    return null;
  }

  async function importFile(file: File): Promise<void> {
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch (err) {
      notices.show("import", "error", t("import.notJson", { name: file.name, message: (err as Error).message }));
      return;
    }
    const check = validateDraft(data);
    if (!check.ok) {
      notices.show("import", "error", t("import.invalid", { name: file.name, count: check.errors.length, first: `${check.errors[0]?.path}: ${check.errors[0]?.message}` }));
      return;
    }
    notices.hide("import");
    pendingImport = check.scenario;
    const taken = listing.some((s) => s.id === check.scenario.id);
    toolbar.askNewScenario({ id: taken ? `${check.scenario.id}-imported` : check.scenario.id, title: check.scenario.title });
  }

  const page = h(
    "div",
    { class: "editor-page" },
    h("header", { class: "page-header editor-header" }, h("div", {}, h("a", { class: "home-link", attrs: { href: "/" } }, t("editor.home")), h("h1", {}, t("editor.title"))), createLanguageSwitch()),
    h("main", { class: "editor-main" }, toolbar.element, notices.element, h("div", { class: "editor-grid" }, h("div", { class: "editor-left" }, summary.element, forms.element), h("aside", { class: "editor-right" }, savePanel.element, preview.element))),
  );
  root.replaceChildren(page);
  document.title = t("editor.title");

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!session.isDirty()) return;
    session.persist();
    event.preventDefault();
    event.returnValue = "";
  };
  window.addEventListener("beforeunload", onBeforeUnload);

  const stopListening = onLanguageChange(() => {
    // Rebuild in the new language from the browser copy of the draft (kept on every edit).
    session.persist();
    window.removeEventListener("beforeunload", onBeforeUnload);
    stopListening();
    clearTimeout(validateTimer);
    // Deferred: mounting adds language listeners, which must not join the notification loop running now.
    setTimeout(() => mount(root, { isRemount: true }), 0);
  });

  void (async () => {
    await refreshListing();
    const wanted = new URL(location.href).searchParams.get("scenario");
    const id = listing.find((s) => s.id === wanted)?.id ?? listing[0]?.id;
    if (!id) {
      notices.show("load", "error", t("notice.noScenarios"));
      return;
    }
    await openScenario(id);
  })();
}
