// Form ↔ scenario mapping: paths are formatted like validator errors, and edits never mutate the draft they start from.
import { describe, expect, it } from "vitest";
import { appendAt, formatPath, getAt, getParentPathText, removeAt, setAt } from "../../client/editor/scenarioPath.ts";
import { formatInputValue, getFreeId, parseNumberInput, parseOptionalText, parseOptionalWeight, toggleId } from "../../client/editor/fieldValues.ts";

describe("scenario paths", () => {
  it("formats a path exactly as the validator's error paths", () => {
    expect(formatPath(["policies", 2, "figures", 0])).toBe("policies[2].figures[0]");
    expect(formatPath(["historicalPath", 0, "mix", "kingpin-targeting"])).toBe("historicalPath[0].mix.kingpin-targeting");
    expect(formatPath([])).toBe("(root)");
  });

  it("walks a formatted path up to the root", () => {
    expect(getParentPathText("policies[2].name.en")).toBe("policies[2].name");
    expect(getParentPathText("policies[2].name")).toBe("policies[2]");
    expect(getParentPathText("policies[2]")).toBe("policies");
    expect(getParentPathText("policies")).toBe("(root)");
    expect(getParentPathText("historicalPath[0].mix.kingpin-targeting")).toBe("historicalPath[0].mix");
    expect(getParentPathText("(root)")).toBeNull();
  });

  it("sets a value on a copy, leaving the original draft untouched", () => {
    const draft = { policies: [{ name: { en: "A", es: "A" } }, { name: { en: "B", es: "B" } }] };
    const next = setAt(draft, ["policies", 1, "name", "en"], "Bee");
    expect(getAt(next, ["policies", 1, "name", "en"])).toBe("Bee");
    expect(draft.policies[1]!.name.en).toBe("B");
    expect(getAt(next, ["policies", 0])).toBe(draft.policies[0]);
  });

  it("removes a key when set to undefined and splices array items", () => {
    const draft = { levers: { targeting: 1, force: 0.3 }, list: ["a", "b", "c"] };
    expect(setAt(draft, ["levers", "force"], undefined)).toEqual({ levers: { targeting: 1 }, list: ["a", "b", "c"] });
    expect(removeAt(draft, ["list", 1])).toEqual({ levers: { targeting: 1, force: 0.3 }, list: ["a", "c"] });
  });

  it("creates missing containers and appends to lists", () => {
    expect(setAt({}, ["a", "b"], 1)).toEqual({ a: { b: 1 } });
    expect(appendAt({ roles: [1] }, ["roles"], 2)).toEqual({ roles: [1, 2] });
    expect(appendAt({}, ["events"], { id: "x" })).toEqual({ events: [{ id: "x" }] });
  });
});

describe("field values", () => {
  it("turns number text into numbers, and blank or junk into a missing value the validator names", () => {
    expect(parseNumberInput("250")).toBe(250);
    expect(parseNumberInput(" 0,5 ")).toBe(0.5);
    expect(parseNumberInput("")).toBeUndefined();
    expect(parseNumberInput("abc")).toBeUndefined();
  });

  it("drops zero weights and blank optional texts (partial records and optional keys)", () => {
    expect(parseOptionalWeight("0")).toBeUndefined();
    expect(parseOptionalWeight("-2")).toBe(-2);
    expect(parseOptionalText("  ")).toBeUndefined();
    expect(parseOptionalText("because")).toBe("because");
  });

  it("shows draft values in inputs", () => {
    expect(formatInputValue(3)).toBe("3");
    expect(formatInputValue("x")).toBe("x");
    expect(formatInputValue(undefined)).toBe("");
    expect(formatInputValue({})).toBe("");
  });

  it("toggles ids in a list and finds a free id", () => {
    expect(toggleId(["a", "b"], "c", true)).toEqual(["a", "b", "c"]);
    expect(toggleId(["a", "b"], "a", false)).toEqual(["b"]);
    expect(toggleId(undefined, "a", true)).toEqual(["a"]);
    expect(getFreeId("new-policy", ["kingpin"])).toBe("new-policy");
    expect(getFreeId("new-policy", ["new-policy", "new-policy-2"])).toBe("new-policy-3");
  });
});
