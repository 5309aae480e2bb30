// /report/CODE: the printable debrief of one session, opened with the host key this browser holds (or one pasted in), with CSV/JSON downloads and Print.
import "../../styles/report.css";
import type { Report } from "../../../shared/report/reportSchema.ts";
import { onLanguageChange, t } from "../../i18n/i18n.ts";
import { getHostKey, saveHostKey } from "../../net/hostKeys.ts";
import { h, uid } from "../../ui/dom.ts";
import { createLanguageSwitch } from "../../ui/languageSwitch.ts";
import { getRecordFailureText } from "./recordFailureText.ts";
import type { CsvSheet } from "./reportApi.ts";
import { downloadJson, saveBlob } from "../../ui/download.ts";
import { CSV_SHEETS, fetchReport, fetchReportCsv } from "./reportApi.ts";
import { getReportFileName } from "./reportModel.ts";
import { renderArgumentsSection, renderParticipationSection, renderPathSection, renderRoundsSection, renderScoresSection, renderSummary } from "./reportSections.ts";

export function renderReportPage(root: HTMLElement, code: string): void {
  const content = h("div", { class: "report-content" });
  const title = h("a", { class: "brand", attrs: { href: "/" } }, t("app.title"));
  const sessionsLink = h("a", { attrs: { href: "/host/sessions" } }, t("sessions.link"));
  root.replaceChildren(h("div", { class: "report-page" }, h("div", { class: "top-bar no-print" }, title, h("nav", { attrs: { "aria-label": t("report.nav") } }, sessionsLink), createLanguageSwitch()), content));
  document.title = t("report.pageTitle", { code });

  let report: Report | null = null;
  let hostKey = getHostKey(code);
  let notice: { text: string; isError: boolean } | null = null;

  const renderKeyForm = (error: string | null) => {
    const inputId = uid("host-key");
    const errorId = uid("host-key-error");
    const input = h("input", { id: inputId, attrs: { name: "hostKey", type: "text", autocomplete: "off", spellcheck: "false", required: true, "aria-describedby": error ? errorId : undefined, "aria-invalid": error ? "true" : undefined } });
    const submit = h("button", { class: "button primary", attrs: { type: "submit" } }, t("report.key.submit"));
    const form = h(
      "form",
      { class: "report-key-form", attrs: { novalidate: true } },
      h("label", { attrs: { for: inputId } }, t("report.key.label")),
      input,
      error ? h("p", { id: errorId, class: "field-error", attrs: { role: "alert" } }, error) : null,
      submit,
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const pasted = input.value.trim();
      if (!pasted) {
        renderKeyForm(t("report.key.empty"));
        return;
      }
      submit.disabled = true;
      void load(pasted, { fromForm: true });
    });
    content.replaceChildren(
      h("main", { class: "card message report-key", attrs: { id: "main" } }, h("h1", {}, t("report.title", { code })), h("p", {}, hostKey === null ? t("report.key.missing", { code }) : t("report.key.retry", { code })), form),
    );
    if (error) input.focus();
  };

  const renderMessage = (text: string) =>
    content.replaceChildren(h("main", { class: "card message", attrs: { id: "main" } }, h("h1", {}, t("report.title", { code })), h("p", { attrs: { role: "alert" } }, text), h("a", { class: "button", attrs: { href: "/host/sessions" } }, t("sessions.link"))));

  const renderReport = () => {
    if (!report) return;
    const r = report;
    const feedback = h("p", { class: notice?.isError ? "report-feedback field-error" : "report-feedback", attrs: { role: "status" } }, notice?.text ?? "");
    const setNotice = (text: string, isError: boolean) => {
      notice = { text, isError };
      feedback.textContent = text;
      feedback.className = isError ? "report-feedback field-error" : "report-feedback";
    };
    const csvButton = (sheet: CsvSheet) => {
      const button = h("button", { class: "button", attrs: { type: "button" } }, t(sheet === "students" ? "report.download.csvStudents" : "report.download.csvRounds"));
      button.addEventListener("click", () => {
        if (!hostKey) return;
        button.disabled = true;
        void fetchReportCsv(code, hostKey, sheet).then((result) => {
          button.disabled = false;
          if (!result.ok) return setNotice(getRecordFailureText(result.failure, code), true);
          const fileName = result.value.fileName ?? getReportFileName(r, "csv");
          saveBlob(fileName, result.value.blob);
          setNotice(t("report.download.done", { file: fileName }), false);
        });
      });
      return button;
    };
    const json = h("button", { class: "button", attrs: { type: "button" } }, t("report.download.json"));
    json.addEventListener("click", () => {
      downloadJson(getReportFileName(r, "json"), r);
      setNotice(t("report.download.done", { file: getReportFileName(r, "json") }), false);
    });
    const print = h("button", { class: "button primary", attrs: { type: "button" } }, t("report.print"));
    print.addEventListener("click", () => window.print());
    content.replaceChildren(
      h(
        "main",
        { class: "report", attrs: { id: "main", "data-code": code } },
        h("header", { class: "report-header" }, h("h1", {}, t("report.title", { code })), renderSummary(r)),
        h("div", { class: "report-actions no-print", attrs: { role: "group", "aria-label": t("report.actions") } }, ...CSV_SHEETS.map(csvButton), json, print),
        feedback,
        renderPathSection(r),
        renderRoundsSection(r),
        renderScoresSection(r),
        renderArgumentsSection(r),
        renderParticipationSection(r),
        h("p", { class: "report-generated" }, t("report.generated", { time: new Date(r.generatedAt).toLocaleString(), version: r.session.scenario.version })),
      ),
    );
  };

  async function load(key: string, options: { fromForm: boolean }): Promise<void> {
    const result = await fetchReport(code, key);
    if (result.ok) {
      report = result.value;
      hostKey = key;
      // A key that opened the report is worth keeping: the sessions list and the host page use it too.
      if (options.fromForm) saveHostKey(code, key);
      renderReport();
      // Opened from the host's "Print report": print once the report is on the page, and not again on reload.
      const url = new URL(location.href);
      if (url.searchParams.get("print") === "1") {
        url.searchParams.delete("print");
        history.replaceState(null, "", url.pathname + url.search);
        requestAnimationFrame(() => window.print());
      }
      return;
    }
    if (result.failure === "unauthorized") return renderKeyForm(options.fromForm ? t("report.key.wrong") : null);
    renderMessage(getRecordFailureText(result.failure, code));
  }

  onLanguageChange(() => {
    title.textContent = t("app.title");
    sessionsLink.textContent = t("sessions.link");
    document.title = t("report.pageTitle", { code });
    if (report) renderReport();
    else if (!hostKey) renderKeyForm(null);
  });

  if (!hostKey) {
    renderKeyForm(null);
    return;
  }
  content.replaceChildren(h("p", { class: "waiting-text", attrs: { role: "status" } }, t("report.loading")));
  void load(hostKey, { fromForm: false });
}
