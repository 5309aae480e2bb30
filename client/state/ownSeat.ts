// The student's own seat (player id, nickname, role) as the server last sent it: students hold no
// seats in their synced state, so it comes by OWN_SEAT_MESSAGE, before every welcome and on change.
import type { OwnSeat } from "../../shared/protocol/stateTypes.ts";

function isOwnSeat(value: unknown): value is OwnSeat {
  const v = value as Partial<OwnSeat> | null;
  return typeof v === "object" && v !== null && typeof v.playerId === "string" && typeof v.nickname === "string" && typeof v.roleId === "string";
}

export class OwnSeatTracker {
  private seat: OwnSeat | null = null;
  private readonly listeners = new Set<(seat: OwnSeat) => void>();

  /** The seat as last received; null for the host and spectators (and before a student's first message). */
  get(): OwnSeat | null {
    return this.seat;
  }

  /** A message from the server: each carries the whole seat, so the last one received is the seat now. */
  receive(message: unknown): void {
    if (!isOwnSeat(message)) return;
    const changed = !this.seat || this.seat.playerId !== message.playerId || this.seat.nickname !== message.nickname || this.seat.roleId !== message.roleId;
    this.seat = { playerId: message.playerId, nickname: message.nickname, roleId: message.roleId };
    if (changed) for (const l of this.listeners) l(this.seat);
  }

  /** Called when the seat changes (not for a repeat of the same seat, e.g. the one sent with a welcome). */
  onChange(listener: (seat: OwnSeat) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
