// The synced state's schema classes, defined once in shared/protocol/sessionSchema.ts (the client
// derives its decoded types from the same file); re-exported here for the server's imports.
export * from "../../shared/protocol/sessionSchema.ts";
