// Words for a failed request to the session record (report page and the host's report links).
import { t } from "../../i18n/i18n.ts";
import type { RecordFailure } from "./reportApi.ts";

export function getRecordFailureText(failure: RecordFailure, code: string): string {
  switch (failure) {
    case "unauthorized":
      return t("report.error.unauthorized", { code });
    case "not-found":
      return t("report.error.notFound", { code });
    case "unavailable":
      return t("report.error.unavailable", { code });
    case "invalid":
      return t("report.error.invalid");
    case "network":
      return t("report.error.network");
  }
}
