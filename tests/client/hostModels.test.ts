// The host's pure models: form defaults the browser accepts, which join address the lobby shows, and the class roster.
import { describe, expect, it } from "vitest";
import type { SessionSnapshot } from "../../client/state/snapshot.ts";
import { getRosterRows, getSeatCounts, getWaitingFor } from "../../client/viewModels/rosterModel.ts";
import { DEFAULT_SEATS, SEATS_INPUT, TIMER_INPUT, isValidFor } from "../../client/views/host/formLimits.ts";
import { getJoinChoices, isLoopbackHost } from "../../client/views/host/joinAddress.ts";
import type { NetworkInfo } from "../../shared/protocol/network.ts";
import { DEFAULT_PHASE_SECONDS, TIMED_PHASES } from "../../shared/protocol/index.ts";
import type { ArgumentView, PlayerView } from "../../shared/protocol/index.ts";
import { loadDefaultScenario } from "../support/defaultScenario.ts";

const scenario = loadDefaultScenario();

describe("host form", () => {
  it("every default of every number field passes the field's own min, max and step (else Chromium blocks 'Create session')", () => {
    for (const phase of TIMED_PHASES) expect({ phase, ok: isValidFor(DEFAULT_PHASE_SECONDS[phase], TIMER_INPUT) }).toEqual({ phase, ok: true });
    expect(isValidFor(DEFAULT_SEATS, SEATS_INPUT)).toBe(true);
    // the check is real: the old step of 5 refused the 4-second reveal
    expect(isValidFor(4, { ...TIMER_INPUT, step: 5 })).toBe(false);
  });
});

describe("join address", () => {
  const info: NetworkInfo = {
    port: 2567,
    loopbackOnly: false,
    addresses: [
      { interfaceName: "wlan0", family: "IPv4", address: "192.168.1.20", joinBaseUrl: "http://192.168.1.20:2567/join" },
      { interfaceName: "eth0", family: "IPv4", address: "10.0.0.7", joinBaseUrl: "http://10.0.0.7:2567/join" },
    ],
  };
  const page = (host: string) => ({ protocol: "http:", hostname: host.replace(/:\d+$/, ""), host });

  it("recognises loopback names and addresses", () => {
    for (const h of ["localhost", "app.localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1"]) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ["192.168.1.20", "teacher.local", "fd00::2"]) expect(isLoopbackHost(h)).toBe(false);
  });

  it("a host on localhost shows the first LAN address, not localhost, and may pick another", () => {
    const choices = getJoinChoices(info, page("localhost:2567"));
    expect(choices.selected.display).toBe("192.168.1.20:2567/join");
    expect(choices.options.map((o) => o.label)).toEqual(["192.168.1.20 (wlan0)", "10.0.0.7 (eth0)"]);
    expect(choices.isUnreachable).toBe(false);
    expect(getJoinChoices(info, page("localhost:2567"), "http://10.0.0.7:2567/join").selected.display).toBe("10.0.0.7:2567/join");
  });

  it("a page opened on a LAN address keeps that address as the default", () => {
    expect(getJoinChoices(info, page("10.0.0.7:2567")).selected.joinBaseUrl).toBe("http://10.0.0.7:2567/join");
  });

  it("a page opened by a name phones can resolve keeps it, with the LAN addresses as alternatives", () => {
    const choices = getJoinChoices(info, page("teacher.local:2567"));
    expect(choices.selected.display).toBe("teacher.local:2567/join");
    expect(choices.options).toHaveLength(3);
  });

  it("warns when only loopback is left (or the server could not be asked)", () => {
    const lonely = getJoinChoices({ port: 2567, addresses: [], loopbackOnly: true }, page("127.0.0.1:2567"));
    expect(lonely).toMatchObject({ isUnreachable: true, selected: { display: "127.0.0.1:2567/join" } });
    expect(getJoinChoices(null, page("localhost:2567")).isUnreachable).toBe(true);
    expect(getJoinChoices(null, page("192.168.1.20:2567")).isUnreachable).toBe(false);
  });
});

describe("roster", () => {
  const role = scenario.roles[0]?.id ?? "";
  const player = (id: string, nickname: string, extra: Partial<PlayerView> = {}): PlayerView => ({
    id, nickname, roleId: role, isBot: false, strategy: "", connected: true, proposed: false, voted: false, endorsementsUsed: 0, ...extra,
  });
  const argument = (id: string, authorId: string): ArgumentView => ({
    id, round: 1, policyId: scenario.policies[0]?.id ?? "", text: id, figureId: "", authorId, authorNickname: authorId, authorRoleId: role, authorIsBot: false, endorsements: 0,
  });
  const base = {
    round: 1,
    endorsementsPerStudent: 2,
    players: [player("p2", "Ben", { proposed: true }), player("p1", "Ana"), player("p3", "Bot 1", { isBot: true, strategy: "random", proposed: true }), player("p4", "Cai", { connected: false })],
    arguments: [argument("a1", "p2"), argument("a2", "p3")],
  } satisfies Partial<SessionSnapshot>;

  it("lists people by name before bots, with role names and no step before it applies", () => {
    const rows = getRosterRows(scenario, { ...base, phase: "briefing" }, "en");
    expect(rows.map((r) => r.nickname)).toEqual(["Ana", "Ben", "Cai", "Bot 1"]);
    expect(rows[0]?.roleName).toBe(scenario.roles[0]?.name.en);
    expect(rows.every((r) => r.proposed === null && r.endorsed === null && r.voted === null)).toBe(true);
  });

  it("names who the class waits for: connected seats that have not done this phase's step", () => {
    const rows = getRosterRows(scenario, { ...base, phase: "propose" }, "en");
    expect(rows.find((r) => r.nickname === "Ben")?.proposed).toBe("done");
    expect(getWaitingFor(rows, "propose")).toEqual(["Ana"]);
  });

  it("counts endorsements in the debate, done when none are left or nothing is left to endorse", () => {
    const players = [player("p1", "Ana", { endorsementsUsed: 2 }), player("p2", "Ben", { endorsementsUsed: 1 }), player("p5", "Dee")];
    const rows = getRosterRows(scenario, { ...base, players, phase: "debate" }, "en");
    expect(rows.map((r) => [r.nickname, r.endorsed])).toEqual([
      ["Ana", { used: 2, total: 2, state: "done" }],
      ["Ben", { used: 1, total: 2, state: "done" }],
      ["Dee", { used: 0, total: 2, state: "todo" }],
    ]);
    expect(getWaitingFor(rows, "debate")).toEqual(["Dee"]);
  });

  it("counts students, bots and students away", () => {
    expect(getSeatCounts(base.players)).toEqual({ students: 3, bots: 1, away: 1 });
  });
});
