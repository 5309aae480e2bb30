// npm run content:check — validates every scenario folder under content/ and prints each
// problem as `file: json.path: what is wrong`; exits 1 if any scenario is invalid.
import { relative, resolve } from "node:path";
import { formatContentError } from "../content/contentErrors.ts";
import { listScenarioDirs, loadScenarioFromDisk } from "../content/loadScenarioFromDisk.ts";

const contentDir = resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? "content");
const dirs = listScenarioDirs(contentDir);
let failed = 0;
if (dirs.length === 0) {
  console.error(`${contentDir}: no scenario folders under scenarios/`);
  process.exit(1);
}
for (const dir of dirs) {
  const result = loadScenarioFromDisk(dir, relative(process.cwd(), dir));
  if (result.ok) {
    const s = result.scenario;
    console.log(`ok  ${s.id} v${s.version}: ${s.policies.length} policies, ${s.roles.length} roles, ${s.events.length} events, ${s.regions.length} regions, ${s.figures.length} figures`);
  } else {
    failed++;
    for (const e of result.errors) console.error(formatContentError(e));
  }
}
if (failed > 0) {
  console.error(`${failed} of ${dirs.length} scenario(s) invalid`);
  process.exit(1);
}
