// The byte meter of the benchmark clients: frame sizes as RFC 6455 counts them, and bytes by phase.
import { describe, expect, it } from "vitest";
import { ByteMeter, frameBytes, isReplyFrame, payloadBytes } from "./byteMeter.ts";

describe("byte meter", () => {
  it("adds the unmasked server frame header to each payload (2, 4 or 10 bytes)", () => {
    expect(frameBytes(0)).toBe(2);
    expect(frameBytes(125)).toBe(127);
    expect(frameBytes(126)).toBe(130);
    expect(frameBytes(65535)).toBe(65539);
    expect(frameBytes(65536)).toBe(65546);
  });

  it("measures binary payloads by length and text payloads in UTF-8 bytes", () => {
    expect(payloadBytes(new ArrayBuffer(300))).toBe(300);
    expect(payloadBytes(new Uint8Array(12))).toBe(12);
    expect(payloadBytes("año")).toBe(4);
  });

  it("counts each frame under the phase the client is in after it, 'join' before the room is known", () => {
    const meter = new ByteMeter();
    meter.add(100);
    let phase = "lobby";
    meter.phaseOf = () => phase;
    meter.add(10);
    phase = "resolve";
    meter.add(200);
    meter.add(200);
    expect(Object.fromEntries(meter.bytesByPhase)).toEqual({ join: 102, lobby: 12, resolve: 408 });
    expect(meter.frames).toBe(4);
    expect(meter.total).toBe(522);
  });

  it("tells a request's reply frame (Colyseus code 22, modifier bits ignored) from patches and messages", () => {
    expect(isReplyFrame(new Uint8Array([22, 1, 0]).buffer)).toBe(true);
    expect(isReplyFrame(new Uint8Array([22 | 0x20, 1]))).toBe(true);
    expect(isReplyFrame(new Uint8Array([15, 1, 2]).buffer)).toBe(false); // a state patch
    expect(isReplyFrame(new Uint8Array([13, 1]).buffer)).toBe(false); // a message
    expect(isReplyFrame(new ArrayBuffer(0))).toBe(false);
    expect(isReplyFrame("22")).toBe(false);
  });
});
