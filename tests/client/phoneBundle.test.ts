// What a phone loads: the hand-written join-code and nickname checks agree with the zod schemas the server
// uses, and the modules a phone runs (join page, connection, game screens) never import zod or the board engine.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getRoute } from "../../client/router.ts";
import { JOIN_CODE_ALPHABET, parseJoinCode, parseNickname } from "../../shared/protocol/joinInput.ts";
import { JoinCodeSchema, NicknameSchema } from "../../shared/protocol/options.ts";
import { PROJECT_ROOT } from "../support/defaultScenario.ts";

const codeChars = fc.constantFrom(...`${JOIN_CODE_ALPHABET}${JOIN_CODE_ALPHABET.toLowerCase()}01OIL -\t\u200b`.split(""));

describe("join input without zod", () => {
  it("a join code is accepted exactly when the server's schema accepts it, and read the same way", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: codeChars, maxLength: 8 }), fc.string({ maxLength: 8 })), (raw) => {
        const parsed = JoinCodeSchema.safeParse(raw);
        expect(parseJoinCode(raw)).toBe(parsed.success ? parsed.data : null);
      }),
      { numRuns: 2000 },
    );
    expect(parseJoinCode(" abcde ")).toBe("ABCDE");
    expect(parseJoinCode("ABCD0")).toBeNull();
  });

  it("a nickname is accepted exactly when the server's schema accepts it, trimmed the same way", () => {
    const nickChars = fc.constantFrom(..."Ana béto 👍🏽\u0000\u200b\u202e\t".split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: nickChars, maxLength: 24 }), fc.string({ unit: "grapheme", maxLength: 24 })), (raw) => {
        const parsed = NicknameSchema.safeParse(raw);
        expect(parseNickname(raw)).toBe(parsed.success ? parsed.data : null);
      }),
      { numRuns: 2000 },
    );
    expect(parseNickname("  Ana ")).toBe("Ana");
    expect(parseNickname("a".repeat(21))).toBeNull();
    expect(parseNickname("An\u200ba")).toBeNull();
  });

  it("the router reads a join link's code with the same check", () => {
    expect(getRoute(new URL("http://x/join/abcde"))).toEqual({ view: "student", code: "ABCDE" });
    expect(getRoute(new URL("http://x/?code=%20k7m2p"))).toEqual({ view: "student", code: "K7M2P" });
    // Not a code: kept (upper-cased, 5 characters) so the join form shows it with its error.
    expect(getRoute(new URL("http://x/join/hello-world"))).toEqual({ view: "student", code: "HELLO" });
  });
});

/** Modules reached from `entry` through static, non-type imports (dynamic `import()` starts another chunk). */
function getStaticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith(".ts")) return;
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/^(?:import|export)(?!\s+type\b)[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"/gm)) {
      const spec = match[1] ?? match[2] ?? "";
      if (!spec.startsWith(".")) {
        seen.add(spec);
        continue;
      }
      const target = resolve(dirname(file), spec);
      if (existsSync(target)) visit(target);
    }
  };
  visit(join(PROJECT_ROOT, entry));
  return seen;
}

describe("what a phone loads", () => {
  const PHONE_MODULES = ["client/main.ts", "client/views/student/studentPage.ts", "client/net/sessionConnection.ts", "client/views/student/studentGame.ts"];
  const forbidden = (graph: Set<string>) =>
    [...graph].map((m) => m.replace(`${PROJECT_ROOT}/`, "")).filter((m) => m === "zod" || m.startsWith("zod/") || m === "phaser" || m.startsWith("client/board/") || m === "client/views/boardMount.ts");

  it.each(PHONE_MODULES)("%s imports neither zod nor the board engine", (entry) => {
    const graph = getStaticGraph(entry);
    expect(graph.size).toBeGreaterThan(1);
    expect(forbidden(graph)).toEqual([]);
  });

  it("the check sees zod and the board where they are (so it can fail)", () => {
    expect(forbidden(getStaticGraph("shared/protocol/options.ts"))).toContain("zod");
    expect(forbidden(getStaticGraph("client/views/boardMount.ts"))).toContain("client/views/boardMount.ts");
  });
});
