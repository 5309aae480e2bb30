// Protocol edges (issue 10, item 9): a request of type "*" is refused, undecodable frames get a
// typed refusal without a disconnect, an over-long argument reaches the scenario's own refusal,
// and the flood close fires exactly above the documented 40 messages per second.
import { describe, expect, it, vi } from "vitest";
import { LogSummariser } from "../../server/log/logSummariser.ts";
import { FLOOD_MESSAGES_PER_SECOND } from "../../server/room/SessionRoom.ts";
import { REFUSED_MESSAGE } from "../../shared/protocol/stateTypes.ts";
import { createSession, joinStudent, refusalOf, useTestServer, waitFor, type SessionRoomClient } from "./helpers.ts";

const testServer = useTestServer();

/** Makes the next frame the client sends undecodable (its last byte becomes 0xc1, never valid msgpack). */
function corruptNextFrame(room: SessionRoomClient): void {
  const connection = room.connection as unknown as { send(data: Uint8Array): void };
  const send = connection.send.bind(connection);
  connection.send = (data: Uint8Array) => {
    connection.send = send;
    const copy = new Uint8Array(data);
    copy[copy.length - 1] = 0xc1;
    send(copy);
  };
}

describe("protocol gaps", () => {
  it('a request of type "*" is refused as request/unknown-type, not answered ok', async () => {
    const { code } = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    expect((await refusalOf(ana.room.request("*", {}))).code).toBe("request/unknown-type");
  });

  it("undecodable request and message frames get typed refusals and the connection stays", async () => {
    const { code } = await createSession(testServer.colyseus);
    const ana = await joinStudent(testServer.colyseus, code, "Ana");
    for (let i = 0; i < 20; i++) {
      corruptNextFrame(ana.room);
      expect((await refusalOf(ana.room.request("welcome", {}))).code).toBe("request/undecodable");
    }
    const refused: string[] = [];
    ana.room.onMessage(REFUSED_MESSAGE, (r: { code: string }) => refused.push(r.code));
    corruptNextFrame(ana.room);
    ana.room.send("welcome", {});
    await waitFor(() => refused.length === 1);
    expect(refused).toEqual(["request/undecodable"]);
    expect(await ana.room.request("welcome", {})).toMatchObject({ seat: "student" });
  });

  it("repeated log events are summarised: one line at once, one count at the end of the window", () => {
    vi.useFakeTimers();
    try {
      const lines: number[] = [];
      const summariser = new LogSummariser(1000);
      for (let i = 0; i < 500; i++) summariser.note("undecodable", (suppressed) => lines.push(suppressed));
      expect(lines).toEqual([0]);
      vi.advanceTimersByTime(1000);
      expect(lines).toEqual([0, 499]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("the flood close fires at the 41st message within a second, not before", async () => {
    const { code } = await createSession(testServer.colyseus);
    const burst = async (count: number) => {
      const student = await joinStudent(testServer.colyseus, code, `Flood${count}`);
      let closed: number | null = null;
      student.room.onLeave((c) => (closed = c));
      // The join's own frames count too: start the burst in a fresh one-second window.
      await new Promise((r) => setTimeout(r, 1100));
      for (let i = 0; i < count; i++) student.room.send("noop", {});
      await new Promise((r) => setTimeout(r, 400));
      return closed;
    };
    expect(await burst(FLOOD_MESSAGES_PER_SECOND)).toBe(null);
    expect(await burst(FLOOD_MESSAGES_PER_SECOND + 1)).toBe(4002);
  });
});
