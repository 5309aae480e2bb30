// npm test checks that content/schema/ is current without rewriting it (content:schema --check).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/defaultScenario.ts";

const CLI = join(PROJECT_ROOT, "shared/cli/contentSchema.ts");

function run(args: string[]): { status: number; output: string } {
  try {
    const stdout = execFileSync(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, encoding: "utf8", stdio: "pipe" });
    return { status: 0, output: stdout };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: e.stdout + e.stderr };
  }
}

describe("content:schema --check", () => {
  it("passes on freshly written schemas and fails, naming the file, on a stale one without rewriting it", () => {
    const dir = mkdtempSync(join(tmpdir(), "schema-check-"));
    expect(run([dir]).status).toBe(0);
    expect(run(["--check", dir])).toMatchObject({ status: 0 });

    const stalePath = join(dir, readdirSync(dir).sort()[0]!);
    writeFileSync(stalePath, "{}\n");
    const result = run(["--check", dir]);
    expect(result.status).toBe(1);
    expect(result.output).toContain(`${stalePath}: out of date`);
    expect(readFileSync(stalePath, "utf8")).toBe("{}\n");
  });

  it("holds for the committed content/schema folder", () => {
    expect(run(["--check"]).status).toBe(0);
  });
});
