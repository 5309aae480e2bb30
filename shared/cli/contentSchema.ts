// npm run content:schema — writes the JSON Schemas generated from the zod schemas to
// content/schema/, so editors can validate and complete scenario files.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { SCENARIO_PART_FILES, getPartSchema } from "../content/scenarioParts.ts";
import { ScenarioSchema } from "../content/scenarioSchema.ts";

const outDir = resolve(process.argv[2] ?? "content/schema");
mkdirSync(outDir, { recursive: true });
const write = (name: string, schema: z.ZodType) => {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  writeFileSync(join(outDir, name), JSON.stringify(json, null, 2) + "\n");
  console.log(`wrote ${join(outDir, name)}`);
};
write("scenario.schema.json", ScenarioSchema);
for (const file of SCENARIO_PART_FILES) write(file.replace(".json", ".schema.json"), getPartSchema(file));
