// Browser entry: picks the view for the URL; host, student, report, sessions and watch views are separate lazy chunks.
import "./styles/app.css";
import { getLanguage, onLanguageChange, t } from "./i18n/i18n.ts";
import { getRoute } from "./router.ts";
import { renderLanding } from "./views/landing.ts";
import { renderNotFound } from "./views/notFound.ts";

async function start(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) throw new Error("#app is missing from index.html");
  document.documentElement.lang = getLanguage();
  const setTitle = () => {
    document.title = t("app.title");
  };
  const route = getRoute(new URL(location.href));
  // The editor sets its own title in every language.
  if (route.view !== "editor") {
    setTitle();
    onLanguageChange(setTitle);
  }
  switch (route.view) {
    case "landing":
      renderLanding(root);
      return;
    case "host": {
      const { renderHostPage } = await import("./views/host/hostPage.ts");
      renderHostPage(root, route.code);
      return;
    }
    case "student": {
      const { renderStudentPage } = await import("./views/student/studentPage.ts");
      renderStudentPage(root, route.code);
      return;
    }
    case "editor": {
      const { mountEditor } = await import("./editor/mountEditor.ts");
      mountEditor(root);
      return;
    }
    case "report": {
      const { renderReportPage } = await import("./views/report/reportPage.ts");
      renderReportPage(root, route.code);
      return;
    }
    case "sessions": {
      const { renderSessionsPage } = await import("./views/sessions/sessionsPage.ts");
      renderSessionsPage(root);
      return;
    }
    case "watch": {
      const { renderWatchPage } = await import("./views/watch/watchPage.ts");
      renderWatchPage(root, route.code);
      return;
    }
    case "notFound":
      renderNotFound(root);
      return;
  }
}

void start();
