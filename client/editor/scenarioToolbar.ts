// Picking the scenario to edit, and duplicate (asks the new id and title), import and export.
import type { ScenarioListing } from "./editorApi.ts";
import { t } from "./editorI18n.ts";
import { getLanguage } from "../i18n/i18n.ts";
import { h, uid } from "../ui/dom.ts";

export interface NewScenarioDetails {
  id: string;
  title: { en: string; es: string };
}

export interface ToolbarHandlers {
  onPick(id: string): void;
  onDuplicate(details: NewScenarioDetails): Promise<string | null>;
  onImport(file: File): void;
  onExport(): void;
}

export interface ScenarioToolbar {
  element: HTMLElement;
  setListing(list: ScenarioListing[], current: string): void;
  /** Opens the new-scenario dialog (duplicate, or an import whose id is taken) prefilled; resolves when done or cancelled. */
  askNewScenario(prefill: NewScenarioDetails): void;
}

export function createScenarioToolbar(handlers: ToolbarHandlers): ScenarioToolbar {
  const pickId = uid("pick");
  const pick = h("select", { id: pickId, attrs: { name: "scenario" } });
  pick.addEventListener("change", () => handlers.onPick(pick.value));

  const idInput = h("input", { id: uid("new-id"), attrs: { type: "text", name: "newId", required: true, pattern: "[a-z0-9]+(-[a-z0-9]+)*", autocomplete: "off" } });
  const titleEn = h("input", { id: uid("new-en"), attrs: { type: "text", name: "newTitleEn", required: true, lang: "en" } });
  const titleEs = h("input", { id: uid("new-es"), attrs: { type: "text", name: "newTitleEs", required: true, lang: "es" } });
  const dialogError = h("p", { class: "field-error", attrs: { role: "alert" } });
  const cancel = h("button", { class: "button", attrs: { type: "button" } }, t("common.cancel"));
  const dialog = h(
    "dialog",
    { class: "new-dialog", attrs: { "aria-labelledby": "new-dialog-title" } },
    h(
      "form",
      { attrs: { method: "dialog" } },
      h("h2", { id: "new-dialog-title" }, t("duplicate.title")),
      h("label", { attrs: { for: idInput.id } }, t("duplicate.id")),
      h("p", { class: "hint" }, t("field.idHint")),
      idInput,
      h("label", { attrs: { for: titleEn.id } }, t("duplicate.titleEn")),
      titleEn,
      h("label", { attrs: { for: titleEs.id } }, t("duplicate.titleEs")),
      titleEs,
      dialogError,
      h("div", { class: "dialog-actions" }, cancel, h("button", { class: "button primary", attrs: { type: "submit", "data-action": "create" } }, t("duplicate.create"))),
    ),
  );
  cancel.addEventListener("click", () => dialog.close());
  dialog.querySelector("form")?.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(idInput.value.trim())) {
      dialogError.textContent = t("duplicate.badId");
      idInput.setAttribute("aria-invalid", "true");
      idInput.focus();
      return;
    }
    idInput.removeAttribute("aria-invalid");
    void handlers.onDuplicate({ id: idInput.value.trim(), title: { en: titleEn.value.trim(), es: titleEs.value.trim() } }).then((problem) => {
      if (problem) dialogError.textContent = problem;
      else dialog.close();
    });
  });

  const fileId = uid("import");
  const file = h("input", { id: fileId, class: "visually-hidden", attrs: { type: "file", accept: "application/json,.json", name: "importFile" } });
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (chosen) handlers.onImport(chosen);
    file.value = "";
  });
  const duplicate = h("button", { class: "button", attrs: { type: "button", "data-action": "duplicate" } }, t("toolbar.duplicate"));
  const exportButton = h("button", { class: "button", attrs: { type: "button", "data-action": "export" } }, t("toolbar.export"));
  exportButton.addEventListener("click", () => handlers.onExport());
  let current = "";
  let listing: ScenarioListing[] = [];

  const askNewScenario = (prefill: NewScenarioDetails) => {
    idInput.value = prefill.id;
    titleEn.value = prefill.title.en;
    titleEs.value = prefill.title.es;
    dialogError.textContent = "";
    dialog.showModal();
    idInput.focus();
    idInput.select();
  };
  duplicate.addEventListener("click", () => {
    const entry = listing.find((s) => s.id === current);
    askNewScenario({ id: `${current}-copy`, title: { en: `${entry?.title.en ?? current} (copy)`, es: `${entry?.title.es ?? current} (copia)` } });
  });

  const element = h(
    "div",
    { class: "toolbar" },
    h("div", { class: "field picker" }, h("label", { attrs: { for: pickId } }, t("toolbar.scenario")), pick),
    h("div", { class: "toolbar-actions" }, duplicate, h("label", { class: "button file-button", attrs: { for: fileId } }, t("toolbar.import"), file), exportButton),
    dialog,
  );

  return {
    element,
    askNewScenario,
    setListing(list, id) {
      listing = list;
      current = id;
      const lang = getLanguage();
      pick.replaceChildren(...list.map((s) => h("option", { attrs: { value: s.id, selected: s.id === id } }, `${s.title[lang]} (${s.id}, v${s.version})`)));
    },
  };
}
