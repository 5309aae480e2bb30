// What a browser needs to join a session, without zod (the phone's join page loads only this): the room's
// name, the join-code alphabet and the nickname limits. options.ts builds the zod schemas from the same constants.

export const ROOM_NAME = "session";

/** Join codes: 5 characters from an alphabet without look-alikes (no 0/O/1/I/L). */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 5;
export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

export const NICKNAME_MAX_LENGTH = 20;

/** The join code in `raw` (trimmed, upper-cased), or null when it is not one. */
export function parseJoinCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return JOIN_CODE_PATTERN.test(code) ? code : null;
}

/** True when the text holds a control or invisible format character (never allowed in a nickname). */
export function hasControlCharacters(text: string): boolean {
  return /[\p{Cc}\p{Cf}]/u.test(text);
}

/** The nickname in `raw` (trimmed) when it is 1–20 code points (as zod counts) without control characters, else null. */
export function parseNickname(raw: string): string | null {
  const nickname = raw.trim();
  const length = [...nickname].length;
  return length >= 1 && length <= NICKNAME_MAX_LENGTH && !hasControlCharacters(nickname) ? nickname : null;
}
