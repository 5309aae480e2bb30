// Seconds left in the phase from the server deadline, the clock offset and pause state (pure).
export interface Countdown {
  /** null when the phase has no timer (the host advances). */
  secondsLeft: number | null;
  isPaused: boolean;
  text: string;
}

export function getCountdown(endsAt: number, pausedRemainingMs: number, serverNow: number): Countdown {
  if (pausedRemainingMs > 0) {
    const s = Math.ceil(pausedRemainingMs / 1000);
    return { secondsLeft: s, isPaused: true, text: formatClock(s) };
  }
  if (endsAt <= 0) return { secondsLeft: null, isPaused: false, text: "" };
  const s = Math.max(0, Math.ceil((endsAt - serverNow) / 1000));
  return { secondsLeft: s, isPaused: false, text: formatClock(s) };
}

export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}
