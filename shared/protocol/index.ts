// The session protocol shared by the server and the browser client (no Colyseus imports here; sessionSchema.ts is imported for types only).
export * from "./phases.ts";
export * from "./refusals.ts";
export * from "./options.ts";
export * from "./messages.ts";
export * from "./nicknames.ts";
export * from "./wireCodec.ts";
export type * from "./stateTypes.ts";
export { MINE_MESSAGE, OWN_SEAT_MESSAGE, REFUSED_MESSAGE, REPLIES_COVER_EVERY_MESSAGE } from "./stateTypes.ts";
