// Which load worker holds which students. A class's students are kept together in as few workers as
// the load allows: in each worker only a room's timed students decode its patches (loadWorker.ts),
// so a class spread over every worker is decoded once per worker, and at a phase change 250 classes
// over 8 workers meant 2,000 decoders of the same patches on the clients' one core instead of ~260.

/** One worker's share of one session's students (global indexes g = session × perSession + i). */
export interface SessionShare {
  session: number;
  students: number[];
}

/**
 * Splits the students, in session order, into `workers` contiguous blocks of (nearly) equal size:
 * each worker gets whole classes where there are more classes than workers, and a slice of a big
 * class (an assembly) where there are fewer. Returns each worker's shares.
 */
export function placeStudents(sessions: number, perSession: number, workers: number): SessionShare[][] {
  const total = sessions * perSession;
  const placed: SessionShare[][] = Array.from({ length: workers }, () => []);
  for (let g = 0; g < total; g++) {
    const worker = Math.floor((g * workers) / total);
    const session = Math.floor(g / perSession);
    const shares = placed[worker]!;
    const last = shares.at(-1);
    if (last?.session === session) last.students.push(g);
    else shares.push({ session, students: [g] });
  }
  return placed;
}

/**
 * Each session's host worker: the first worker holding any of its students (blocks follow session
 * order, so that one holds its first student); a session without students round-robin.
 */
export function hostWorkers(placed: SessionShare[][], sessions: number): number[] {
  const hostOf = Array.from({ length: sessions }, (_, session) => session % placed.length);
  for (let w = placed.length - 1; w >= 0; w--) for (const share of placed[w]!) hostOf[share.session] = w;
  return hostOf;
}

/**
 * Timed students per share (a session's students in one worker): enough for `timed` in all (or
 * every student), and at least one, which reads the patches for the share's others.
 */
export function timedPerShare(placed: SessionShare[][], timed: number): number {
  const shares = placed.reduce((n, w) => n + w.length, 0);
  const students = placed.reduce((n, w) => n + w.reduce((m, s) => m + s.students.length, 0), 0);
  return Math.max(1, Math.ceil(Math.min(timed, students) / Math.max(1, shares)));
}
