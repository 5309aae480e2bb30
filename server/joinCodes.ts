// Join codes: random 5-character codes without look-alikes, reserved atomically in the presence
// (local or Redis) because Colyseus silently reuses a room whose custom id already exists.
import { randomInt } from "node:crypto";
import type { Presence } from "@colyseus/core";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "../shared/protocol/options.ts";

const CODES_KEY = "hidden-costs:join-codes";

export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Reserves a code no live session holds (31^5 ≈ 28.6 M codes, so collisions are rare). */
export async function reserveJoinCode(presence: Presence): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = generateJoinCode();
    if ((await presence.hincrby(CODES_KEY, code, 1)) === 1) return code;
  }
  throw new Error("could not reserve a free join code");
}

/** Reserves one given code (a session restored after a restart); false if a live session holds it. */
export async function claimJoinCode(presence: Presence, code: string): Promise<boolean> {
  if ((await presence.hincrby(CODES_KEY, code, 1)) === 1) return true;
  await presence.hincrby(CODES_KEY, code, -1);
  return false;
}

/** True while some process holds the code (its room may still be missing if that process died). */
export async function isJoinCodeReserved(presence: Presence, code: string): Promise<boolean> {
  return (await presence.hget(CODES_KEY, code)) !== null;
}

export async function releaseJoinCode(presence: Presence, code: string): Promise<void> {
  await presence.hdel(CODES_KEY, code);
}
