// Rate-limited logging: the first occurrence of a kind of event is logged at once; repeats within
// the window are counted and logged as one line with the count when the window closes, so a
// client flooding bad frames cannot flood the log.
export class LogSummariser {
  private readonly windows = new Map<string, { count: number; timer: ReturnType<typeof setTimeout> }>();
  private readonly windowMs: number;

  constructor(windowMs = 60_000) {
    this.windowMs = windowMs;
  }

  /** `emit(suppressed)`: called for the first event of a window (0) and once at its end if repeats were suppressed. */
  note(key: string, emit: (suppressed: number) => void): void {
    const open = this.windows.get(key);
    if (open) {
      open.count += 1;
      return;
    }
    emit(0);
    const entry = { count: 0, timer: setTimeout(() => this.close(key, emit), this.windowMs) };
    entry.timer.unref();
    this.windows.set(key, entry);
  }

  private close(key: string, emit: (suppressed: number) => void): void {
    const entry = this.windows.get(key);
    this.windows.delete(key);
    if (entry && entry.count > 0) emit(entry.count);
  }
}
