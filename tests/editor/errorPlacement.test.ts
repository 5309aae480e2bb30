// Error path → field mapping: live validation uses the server's checks, and every error lands at its field or nearest group.
import { describe, expect, it } from "vitest";
import { findFieldPath, placeErrors } from "../../client/editor/errorPlacement.ts";
import { describePath, parsePathText } from "../../client/editor/errorSummary.ts";
import { setAt } from "../../client/editor/scenarioPath.ts";
import { toEditorError, validateDraft } from "../../client/editor/validateDraft.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();

describe("live validation", () => {
  it("accepts the default scenario, with or without a $schema pointer", () => {
    expect(validateDraft(scenario).ok).toBe(true);
    expect(validateDraft({ ...scenario, $schema: "../../schema/scenario.schema.json" }).ok).toBe(true);
  });

  it("names the exact path of a schema error", () => {
    const check = validateDraft(setAt(scenario, ["policies", 2, "name", "en"], ""));
    expect(check.ok).toBe(false);
    expect(check.errors).toContainEqual({ path: "policies[2].name.en", message: "English text is missing" });
  });

  it("names the path of a cross-reference error", () => {
    const check = validateDraft(setAt(scenario, ["policies", 0, "figures", 0], "no-such-figure"));
    expect(check.errors).toContainEqual({ path: "policies[0].figures[0]", message: 'unknown figure id "no-such-figure"' });
  });

  it("keeps server errors' paths and drops their file names", () => {
    expect(toEditorError({ file: "policies.json", path: "policies[1].color", message: "colours are #RRGGBB" })).toEqual({ path: "policies[1].color", message: "colours are #RRGGBB" });
  });
});

describe("error placement", () => {
  const registered = new Set(["policies[2].name.en", "policies[2].name", "policies[2].levers", "policies[2]", "policies", "(root)"]);
  const has = (p: string) => registered.has(p);

  it("shows an error at its own field when one is registered", () => {
    expect(findFieldPath("policies[2].name.en", has)).toBe("policies[2].name.en");
  });

  it("falls back to the nearest registered group", () => {
    expect(findFieldPath("policies[2].levers.targeting", has)).toBe("policies[2].levers");
    expect(findFieldPath("policies[2].effects.hidden.es", has)).toBe("policies[2]");
    expect(findFieldPath("regions[0].startHomicides", has)).toBe("(root)");
    expect(findFieldPath("regions[0]", () => false)).toBeNull();
  });

  it("groups errors by the field that shows them", () => {
    const placed = placeErrors(
      [
        { path: "policies[2].name.en", message: "a" },
        { path: "policies[2].levers", message: "b" },
        { path: "policies[2].levers.force", message: "c" },
      ],
      has,
    );
    expect(placed.get("policies[2].name.en")?.map((e) => e.message)).toEqual(["a"]);
    expect(placed.get("policies[2].levers")?.map((e) => e.message)).toEqual(["b", "c"]);
  });

  it("parses error paths back into segments and describes them with item names", () => {
    expect(parsePathText("policies[2].name.en")).toEqual(["policies", 2, "name", "en"]);
    expect(parsePathText("historicalPath[0].mix.kingpin-targeting")).toEqual(["historicalPath", 0, "mix", "kingpin-targeting"]);
    const name = scenario.policies[2]!.name.en;
    expect(describePath(scenario, "policies[2].name.en")).toBe(`policies › “${name}” › name › en`);
  });
});
