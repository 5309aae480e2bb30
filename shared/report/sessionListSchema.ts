// The teacher's sessions (POST /api/sessions/lookup): the browser sends the host keys it holds and
// gets back a listing of each session it may see. Unknown codes and wrong keys are simply absent.
import { z } from "zod";
import { LanguageSchema } from "../i18n.ts";
import { JoinCodeSchema } from "../protocol/options.ts";

/** At most this many sessions per lookup (a browser keeps its most recent ones). */
export const LOOKUP_MAX_SESSIONS = 100;

export const SessionLookupRequestSchema = z.strictObject({
  sessions: z.array(z.strictObject({ code: JoinCodeSchema, hostKey: z.string().min(1).max(100) })).max(LOOKUP_MAX_SESSIONS),
});
export type SessionLookupRequest = z.input<typeof SessionLookupRequestSchema>;

export const SessionListingSchema = z.strictObject({
  code: z.string(),
  /** ISO time the session was created. */
  createdAt: z.iso.datetime(),
  /** ISO time it ended; null while live. */
  endedAt: z.iso.datetime().nullable(),
  status: z.enum(["live", "ended"]),
  scenario: z.strictObject({ id: z.string(), title: z.string(), version: z.number().int() }),
  language: LanguageSchema,
  phase: z.string(),
  /** Rounds whose votes were counted. */
  roundsPlayed: z.number().int().min(0),
  totalRounds: z.number().int().min(0),
  /** Seated students (bots not counted). */
  students: z.number().int().min(0),
});
export type SessionListing = z.infer<typeof SessionListingSchema>;

export const SessionLookupResponseSchema = z.strictObject({ sessions: z.array(SessionListingSchema) });
export type SessionLookupResponse = z.infer<typeof SessionLookupResponseSchema>;

/** Errors of the session-record API (`{ code, message }` bodies); the page words them by code. */
export const RECORD_ERRORS = {
  "auth/no-host-key": "Send this session's host key (Authorization: Bearer <hostKey>).",
  "auth/bad-host-key": "That host key is not valid for this session.",
  "record/unknown-session": "No session with that code is on record.",
  "record/live": "The session is still running; end it before deleting its record.",
  "record/invalid-request": "The request was malformed.",
  "record/unavailable": "The session record could not be read.",
} as const;
export type RecordErrorCode = keyof typeof RECORD_ERRORS;
export interface RecordError {
  code: RecordErrorCode;
  message: string;
  details?: string;
}
