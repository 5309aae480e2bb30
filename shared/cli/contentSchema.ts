// npm run content:schema — writes the JSON Schemas generated from the zod schemas to
// content/schema/, so editors can validate and complete scenario files.
// With --check (npm test) it writes nothing and fails when a committed schema is out of date.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { SCENARIO_PART_FILES, getPartSchema } from "../content/scenarioParts.ts";
import { ScenarioSchema } from "../content/scenarioSchema.ts";

const args = process.argv.slice(2);
const isCheck = args.includes("--check");
const outDir = resolve(args.find((a) => !a.startsWith("--")) ?? "content/schema");

const generated = new Map<string, string>();
const render = (schema: z.ZodType) => JSON.stringify(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), null, 2) + "\n";
generated.set("scenario.schema.json", render(ScenarioSchema));
for (const file of SCENARIO_PART_FILES) generated.set(file.replace(".json", ".schema.json"), render(getPartSchema(file)));

if (isCheck) {
  const stale = [...generated].filter(([name, text]) => {
    const path = join(outDir, name);
    return !existsSync(path) || readFileSync(path, "utf8") !== text;
  });
  for (const [name] of stale) console.error(`${join(outDir, name)}: out of date with the zod schemas`);
  if (stale.length > 0) {
    console.error("Run `npm run content:schema` and commit the result.");
    process.exit(1);
  }
  console.log(`${generated.size} JSON Schemas in ${outDir} match the zod schemas`);
} else {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of generated) {
    writeFileSync(join(outDir, name), text);
    console.log(`wrote ${join(outDir, name)}`);
  }
}
