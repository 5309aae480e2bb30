// A modal question before a session's record is deleted for good, or its key forgotten (in the page, not the browser's confirm()); Escape or Cancel keeps it.
import { t } from "../../i18n/i18n.ts";
import { h, uid } from "../../ui/dom.ts";

/** Resolves true when the teacher confirms; focus returns to where it was. `forgetOnly`: the server has no record, only the key goes. */
export function confirmDelete(code: string, options: { forgetOnly: boolean } = { forgetOnly: false }): Promise<boolean> {
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const titleId = uid("delete-title");
  const textId = uid("delete-text");
  const cancel = h("button", { class: "button", attrs: { type: "button" } }, t("sessions.delete.cancel"));
  const ok = h("button", { class: "button danger", attrs: { type: "button" } }, options.forgetOnly ? t("sessions.forget.confirm", { code }) : t("sessions.delete.confirm", { code }));
  const dialog = h(
    "dialog",
    { class: "sessions-dialog", attrs: { "aria-labelledby": titleId, "aria-describedby": textId } },
    h("h2", { id: titleId }, options.forgetOnly ? t("sessions.forget.title", { code }) : t("sessions.delete.title", { code })),
    h("p", { id: textId }, options.forgetOnly ? t("sessions.forget.text") : t("sessions.delete.text")),
    h("div", { class: "dialog-buttons" }, cancel, ok),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    const close = (confirmed: boolean) => {
      dialog.close();
      dialog.remove();
      returnTo?.focus();
      resolve(confirmed);
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
