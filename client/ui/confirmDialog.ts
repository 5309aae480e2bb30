// A modal confirmation in the page (not the browser's confirm()): a question, an optional checkbox, Cancel and a named action.
import { t } from "../i18n/i18n.ts";
import { h, uid } from "./dom.ts";

export interface ConfirmOptions {
  title: string;
  text?: string;
  /** Label of the button that does it ("Remove Ana"). */
  action: string;
  danger?: boolean;
  /** An extra choice, unchecked by default. */
  checkbox?: string;
  /** Label of the button that keeps things as they are (default "Cancel"). */
  cancel?: string;
}

/** Resolves with the choice; Escape or Cancel is `{ confirmed: false }`. Focus returns to where it was. */
export function askToConfirm(options: ConfirmOptions): Promise<{ confirmed: boolean; checked: boolean }> {
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = uid("dlg");
  const textId = uid("dlgtext");
  const box = options.checkbox ? h("input", { attrs: { type: "checkbox", id: uid("dlgcheck") } }) : null;
  const cancel = h("button", { class: "button", attrs: { type: "button" } }, options.cancel ?? t("dialog.cancel"));
  const ok = h("button", { class: `button primary${options.danger ? " danger-fill" : ""}`, attrs: { type: "button" } }, options.action);
  const dialog = h(
    "dialog",
    { class: "confirm-dialog", attrs: { "aria-labelledby": titleId, ...(options.text ? { "aria-describedby": textId } : {}) } },
    h("h2", { id: titleId }, options.title),
    options.text ? h("p", { id: textId }, options.text) : null,
    box && options.checkbox ? h("div", { class: "field checkbox" }, box, h("label", { attrs: { for: box.id } }, options.checkbox)) : null,
    h("div", { class: "dialog-actions" }, cancel, ok),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    const close = (confirmed: boolean) => {
      dialog.close();
      dialog.remove();
      returnTo?.focus();
      resolve({ confirmed, checked: box?.checked ?? false });
    };
    cancel.addEventListener("click", () => close(false));
    ok.addEventListener("click", () => close(true));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      close(false);
    });
    dialog.showModal();
    cancel.focus();
  });
}
