// The request handler table: one entry per protocol message type (the compiler checks the table
// is complete). Each handler maps a validated, authorised request onto the Session model.
import type { MessagePayload, MessageType } from "../../shared/protocol/messages.ts";
import type { Refusal } from "../../shared/protocol/refusals.ts";
import { refusal } from "../../shared/protocol/refusals.ts";
import type { Replies, Seat, Welcome } from "../../shared/protocol/stateTypes.ts";
import { encodeYear, type HistoryReply } from "../../shared/protocol/wireCodec.ts";
import { getFormatOf } from "../session/roundResolution.ts";
import { INDICATORS } from "../../shared/content/vocabulary.ts";
import type { BotDriver } from "../bots/BotDriver.ts";
import type { Session } from "../session/Session.ts";

/** Who sent the request, as the room knows them from the join. */
export interface Sender {
  seat: Seat;
  playerId: string | null;
}

export interface HandlerContext {
  session: Session;
  bots: BotDriver;
  sender: Sender;
  reconnectSeconds: number;
}

type Handler<K extends MessageType> = (ctx: HandlerContext, payload: MessagePayload<K>) => Refusal | Replies[K];

function studentId(ctx: HandlerContext): string {
  // The room only dispatches student requests from a seated student, so playerId is set.
  return ctx.sender.playerId ?? "";
}

const OK = { ok: true } as const;

function welcome(ctx: HandlerContext): Welcome {
  const { session, sender } = ctx;
  const reply: Welcome = { seat: sender.seat, code: session.state.code, serverNow: Date.now(), reconnectSeconds: ctx.reconnectSeconds };
  if (sender.seat === "host") reply.hostKey = session.hostKey;
  if (sender.playerId) {
    reply.playerId = sender.playerId;
    reply.mine = session.getMine(sender.playerId);
  }
  return reply;
}

/** The historical path's years in the compact form of the state's own years (same orders, same precision, so the lines compare like with like). */
function history(ctx: HandlerContext): HistoryReply {
  const { state } = ctx.session;
  const regionIds = [...state.regionIds];
  const formatOf = getFormatOf(ctx.session.scenario);
  return { years: ctx.session.historicalYears.map((y) => encodeYear(y, INDICATORS, regionIds, formatOf)) };
}

export const HANDLERS: { [K in MessageType]: Handler<K> } = {
  welcome: (ctx) => welcome(ctx),
  propose: (ctx, p) => ctx.session.propose(studentId(ctx), p),
  endorse: (ctx, p) => ctx.session.endorse(studentId(ctx), p.argumentId),
  vote: (ctx, p) => ctx.session.vote(studentId(ctx), p),
  start: (ctx) => ctx.session.start(),
  advance: (ctx) => {
    ctx.session.engine.advance();
    return OK;
  },
  pause: (ctx) => ctx.session.engine.pause() ?? OK,
  resume: (ctx) => ctx.session.engine.resume() ?? OK,
  extend: (ctx, p) => ctx.session.engine.extend(p.seconds) ?? OK,
  skip: (ctx) => ctx.session.engine.skip() ?? OK,
  kick: (ctx, p) => ctx.session.kick(p.playerId, { removeArgument: p.removeArgument }),
  reassignRole: (ctx, p) => ctx.session.reassignRole(p.playerId, p.roleId),
  spotlight: (ctx, p) => ctx.session.spotlight(p.argumentId),
  hideArgument: (ctx, p) => ctx.session.hideArgument(p.argumentId, p.hidden),
  addBots: (ctx, p) => {
    const result = ctx.session.addBots(p);
    if ("playerIds" in result) ctx.bots.onBotsAdded(result.playerIds);
    return result;
  },
  removeBots: (ctx, p) => ctx.session.removeBots(p),
  endSession: (ctx) => ctx.session.end(),
  history: (ctx) => history(ctx),
};

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === "object" && value !== null && "code" in value && "message" in value && !("ok" in value);
}

export { refusal };
