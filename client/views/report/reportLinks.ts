// "Download report" (CSV, JSON) and "Print" for the host's debrief and ended screens: downloads go through the host key this browser holds, Print opens the printable page.
import "../../styles/report.css";
import { t } from "../../i18n/i18n.ts";
import { getHostKey } from "../../net/hostKeys.ts";
import { h, uid } from "../../ui/dom.ts";
import { getRecordFailureText } from "./recordFailureText.ts";
import type { CsvSheet } from "./reportApi.ts";
import { downloadJson, saveBlob } from "../../ui/download.ts";
import { CSV_SHEETS, fetchReport, fetchReportCsv } from "./reportApi.ts";
import { getReportFileName } from "./reportModel.ts";

/** The report's actions for session `code`, as a labelled group; `big` for the projector's ended screen. */
export function createReportLinks(code: string, options: { big?: boolean } = {}): HTMLElement {
  const size = options.big ? " big" : "";
  const feedback = h("p", { class: "report-links-feedback", attrs: { role: "status" } });
  const download = (kind: CsvSheet | "json") => {
    const label = kind === "students" ? "report.links.csvStudents" : kind === "rounds" ? "report.links.csvRounds" : "report.links.json";
    const button = h("button", { class: `button${size}`, attrs: { type: "button" } }, t(label));
    button.addEventListener("click", () => {
      const hostKey = getHostKey(code);
      if (!hostKey) {
        feedback.textContent = getRecordFailureText("unauthorized", code);
        return;
      }
      button.disabled = true;
      feedback.textContent = "";
      void (async () => {
        if (kind !== "json") {
          const result = await fetchReportCsv(code, hostKey, kind);
          if (result.ok) saveBlob(result.value.fileName ?? `hidden-costs-${code}-${kind}.csv`, result.value.blob);
          else feedback.textContent = getRecordFailureText(result.failure, code);
        } else {
          const result = await fetchReport(code, hostKey);
          if (result.ok) downloadJson(getReportFileName(result.value, "json"), result.value);
          else feedback.textContent = getRecordFailureText(result.failure, code);
        }
        button.disabled = false;
      })();
    });
    return button;
  };
  const titleId = uid("report-links");
  return h(
    "div",
    { class: "report-links", attrs: { role: "group", "aria-labelledby": titleId } },
    h("span", { id: titleId, class: "report-links-title" }, t("report.links.label")),
    ...CSV_SHEETS.map(download),
    download("json"),
    h("a", { class: `button${size}`, attrs: { href: `/report/${code}?print=1`, target: "_blank", rel: "noopener" } }, t("report.links.print")),
    feedback,
  );
}
