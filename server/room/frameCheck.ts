// Checks a client frame the way Colyseus will decode it, so a frame it cannot decode gets our
// typed `request/undecodable` refusal (and one summarised log line) instead of an untyped error
// reply, a 4002 disconnect and a stack trace per frame.
import { Protocol, ResponseStatus, getMessageBytes } from "@colyseus/core";
import { decode, type Iterator } from "@colyseus/schema";
import { unpack } from "msgpackr";
import { refusal } from "../../shared/protocol/refusals.ts";
import { REFUSED_MESSAGE } from "../../shared/protocol/stateTypes.ts";

// Same mask as @colyseus/shared-types PROTOCOL_CODE_MASK: the low bits are the frame code, the rest modifiers.
const PROTOCOL_CODE_MASK = 0x1f;

export type FrameVerdict = { ok: true } | { ok: false; requestId: number | null };

/** Decodes the header and msgpack payload of a data or request frame without dispatching it. */
export function checkFrame(buffer: Buffer | undefined): FrameVerdict {
  if (!buffer || buffer.byteLength === 0) return { ok: false, requestId: null };
  const code = (buffer[0] ?? 0) & PROTOCOL_CODE_MASK;
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_REQUEST) return { ok: true };
  const it: Iterator = { offset: 1 };
  let requestId: number | null = null;
  try {
    if (code === Protocol.ROOM_REQUEST) {
      const id = decode.number(buffer, it);
      if (!Number.isInteger(id) || it.offset > buffer.byteLength) return { ok: false, requestId: null };
      requestId = id;
    }
    const type = decode.stringCheck(buffer, it) ? decode.string(buffer, it) : decode.number(buffer, it);
    if ((typeof type !== "string" && !Number.isFinite(type)) || it.offset > buffer.byteLength) return { ok: false, requestId };
    if (buffer.byteLength > it.offset) unpack(buffer.subarray(it.offset, buffer.byteLength));
    return { ok: true };
  } catch {
    return { ok: false, requestId };
  }
}

/** The typed answer to an undecodable frame: a rejected reply when it was a request, else a "refused" message. */
export function answerUndecodable(client: { enqueueRaw(data: Uint8Array): void; send(type: string, message: unknown): void }, requestId: number | null): void {
  const r = refusal("request/undecodable");
  if (requestId !== null) client.enqueueRaw(getMessageBytes[Protocol.ROOM_RESPONSE](requestId, ResponseStatus.REJECTED, r));
  else client.send(REFUSED_MESSAGE, r);
}
