// Every request a client may send, one zod schema per type in one table; the server's handler
// table is typed against it, so the compiler reports a missing or extra handler.
import { z } from "zod";
import { ARGUMENT_WIRE_MAX_LENGTH, BotStrategySchema } from "./options.ts";

const Id = z.string().min(1).max(80);
// Payload-less requests accept `{}` or nothing at all.
const Empty = z.strictObject({}).default({});

/** Points per policy id (points mode) or one policy id (single mode). */
export const VoteSchema = z.union([
  z.strictObject({ points: z.record(Id, z.number().int().min(0).max(100)).refine((r) => Object.keys(r).length <= 50, "too many policies") }),
  z.strictObject({ choice: Id }),
]);
export type VoteValue = z.infer<typeof VoteSchema>;

/** Who may send a request: the host, a seated student, or anyone in the room. */
export type Sender = "host" | "student" | "any";

export const MESSAGES = {
  welcome: { who: "any", schema: Empty },
  propose: {
    who: "student",
    schema: z.strictObject({
      policyId: Id,
      argument: z.string().trim().max(ARGUMENT_WIRE_MAX_LENGTH).optional(),
      figureId: Id.optional(),
    }),
  },
  endorse: { who: "student", schema: z.strictObject({ argumentId: Id }) },
  vote: { who: "student", schema: VoteSchema },
  start: { who: "host", schema: Empty },
  advance: { who: "host", schema: Empty },
  pause: { who: "host", schema: Empty },
  resume: { who: "host", schema: Empty },
  extend: { who: "host", schema: z.strictObject({ seconds: z.number().int().min(1).max(1800) }) },
  skip: { who: "host", schema: Empty },
  /** `removeArgument`: also take the student's arguments off the wall (default: they stay). */
  kick: { who: "host", schema: z.strictObject({ playerId: Id, removeArgument: z.boolean().default(false) }) },
  reassignRole: { who: "host", schema: z.strictObject({ playerId: Id, roleId: Id }) },
  spotlight: { who: "host", schema: z.strictObject({ argumentId: Id.nullable() }) },
  hideArgument: { who: "host", schema: z.strictObject({ argumentId: Id, hidden: z.boolean().default(true) }) },
  addBots: { who: "host", schema: z.strictObject({ count: z.number().int().min(1).max(1000), strategy: BotStrategySchema }) },
  removeBots: {
    who: "host",
    schema: z.union([z.strictObject({ playerId: Id }), z.strictObject({ count: z.number().int().min(1).max(1000) })]),
  },
  endSession: { who: "host", schema: Empty },
  /** The historical path's years for the debrief's charts (static, so never in the synced state). */
  history: { who: "any", schema: Empty },
} as const satisfies Record<string, { who: Sender; schema: z.ZodType }>;

export type MessageType = keyof typeof MESSAGES;
export const MESSAGE_TYPES = Object.keys(MESSAGES) as MessageType[];
export type MessagePayload<T extends MessageType> = z.output<(typeof MESSAGES)[T]["schema"]>;
export type MessageInput<T extends MessageType> = z.input<(typeof MESSAGES)[T]["schema"]>;
