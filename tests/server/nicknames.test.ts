// Nicknames (issue 10, item 7): invisible names, look-alikes of a taken name in other scripts and
// staff-like names are refused with typed codes.
import { describe, expect, it } from "vitest";
import { getNicknameSkeleton, isInvisibleNickname, isReservedNickname } from "../../shared/protocol/nicknames.ts";
import { parseJoinError } from "../../shared/protocol/refusals.ts";
import { createSession, joinStudent, newDeviceToken, useTestServer } from "./helpers.ts";

const testServer = useTestServer();

async function joinCode(code: string, nickname: string): Promise<string> {
  const e = await testServer.colyseus.sdk.joinById(code, { as: "student", nickname, deviceToken: newDeviceToken() }).then(() => null, (x: unknown) => x);
  return e === null ? "joined" : parseJoinError(e).code;
}

describe("nickname rules", () => {
  it("names made only of invisible or blank-looking characters are invisible", () => {
    for (const name of ["\u3164", "\u3164\u3164", "\u2800", "\u2800 \u2800", "\u115f\u1160", "\uffa0", "a\u0301".slice(1)]) expect(isInvisibleNickname(name), JSON.stringify(name)).toBe(true);
    for (const name of ["Ana", "李", "José", "\u3164Ana"]) expect(isInvisibleNickname(name), name).toBe(false);
  });

  it("Cyrillic and Greek look-alikes, case, accents and blank padding share a skeleton", () => {
    const ana = getNicknameSkeleton("Ana");
    for (const name of ["\u0410na", "\u0391na", "ANA", "Aná", "A\u2800na", "\u0430\u043d\u0430".replace("\u043d", "n")]) expect(getNicknameSkeleton(name), name).toBe(ana);
    expect(getNicknameSkeleton("Ana")).not.toBe(getNicknameSkeleton("Ann"));
    expect(getNicknameSkeleton("Pablo")).toBe(getNicknameSkeleton("\u0420\u0430bl\u043e"));
  });

  it("staff-like names are reserved in English and Spanish, whatever the case, accents or padding", () => {
    for (const name of ["Teacher", "host", "HOST", "Admin", "Moderator", "Profesor", "profesora", "Maestro", "Maestra", "Anfitrión", "ANFITRIONA", "T-e-a-c-h-e-r", "Teacher 2", "H0st", "\u0422eacher"]) {
      expect(isReservedNickname(name), name).toBe(true);
    }
    for (const name of ["Ana", "Hostess", "Teachy", "Maestrosa", "Ghost"]) expect(isReservedNickname(name), name).toBe(false);
  });

  it("joins are refused with typed codes, and a refused join changes nothing", async () => {
    const { code } = await createSession(testServer.colyseus);
    await joinStudent(testServer.colyseus, code, "Ana");
    expect(await joinCode(code, "\u0410na")).toBe("join/nickname-taken");
    expect(await joinCode(code, "\u0391na")).toBe("join/nickname-taken");
    expect(await joinCode(code, "\u3164")).toBe("join/nickname-invisible");
    expect(await joinCode(code, "\u2800\u2800")).toBe("join/nickname-invisible");
    expect(await joinCode(code, "Teacher")).toBe("join/nickname-reserved");
    expect(await joinCode(code, "Host")).toBe("join/nickname-reserved");
    expect(await joinCode(code, "Profesora")).toBe("join/nickname-reserved");
    expect(testServer.serverState(code).players.size).toBe(1);
    expect(await joinCode(code, "Ben")).toBe("joined");
  });
});
