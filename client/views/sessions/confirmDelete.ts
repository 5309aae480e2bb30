// The question before a session's record is deleted for good, or its key forgotten; Escape or Cancel keeps it.
import { t } from "../../i18n/i18n.ts";
import { askToConfirm } from "../../ui/confirmDialog.ts";

/** Resolves true when the teacher confirms. `forgetOnly`: the server has no record, only the key goes. */
export async function confirmDelete(code: string, options: { forgetOnly: boolean } = { forgetOnly: false }): Promise<boolean> {
  const { confirmed } = await askToConfirm({
    title: options.forgetOnly ? t("sessions.forget.title", { code }) : t("sessions.delete.title", { code }),
    text: options.forgetOnly ? t("sessions.forget.text") : t("sessions.delete.text"),
    action: options.forgetOnly ? t("sessions.forget.confirm", { code }) : t("sessions.delete.confirm", { code }),
    danger: true,
  });
  return confirmed;
}
