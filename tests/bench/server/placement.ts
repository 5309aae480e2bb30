// Which client process holds which students. The timed students (the ones whose action→patch
// latency is sampled) live in a process of their own, the probe; the others fill the load workers.
//
// Why a probe: a load worker's event loop handles thousands of sockets, and at a phase change of
// 250 classes it has a backlog of thousands of frames; a timed student's frame waited behind them,
// so the benchmark sampled its own queue (traced at 250 × 40: the slow actions sat in the seconds
// when the clients' core was 99% busy). A phone handles only its own socket. In the probe a timed
// frame waits only for the few hundred other timed sockets; the load workers still receive, count
// and answer every frame of their students, so the server's load is the same.
//
// A class's students are kept together in as few load workers as the load allows: in each worker
// only one student of a room decodes its patches (loadWorker.ts), so a class spread over every
// worker is decoded once per worker, and at a phase change 250 classes over 8 workers meant 2,000
// decoders of the same patches on the clients' one core instead of ~260.

/** One worker's share of one session's students (global indexes g = session × perSession + i). */
export interface SessionShare {
  session: number;
  students: number[];
}

/**
 * Splits the students, in session order, into `workers` contiguous blocks of (nearly) equal size:
 * each worker gets whole classes where there are more classes than workers, and a slice of a big
 * class (an assembly) where there are fewer. Returns each worker's shares. The first `skip`
 * students of each class are left out (the probe holds them).
 */
export function placeStudents(sessions: number, perSession: number, workers: number, skip = 0): SessionShare[][] {
  const perShare = perSession - skip;
  const total = sessions * perShare;
  const placed: SessionShare[][] = Array.from({ length: workers }, () => []);
  for (let k = 0; k < total; k++) {
    const worker = Math.floor((k * workers) / total);
    const session = Math.floor(k / perShare);
    const g = session * perSession + skip + (k % perShare);
    const shares = placed[worker]!;
    const last = shares.at(-1);
    if (last?.session === session) last.students.push(g);
    else shares.push({ session, students: [g] });
  }
  return placed;
}

/** Where every student goes: `workers` load workers, then the probe (the last), which holds `timedPerSession` of each class. */
export interface Placement {
  placed: SessionShare[][];
  timedPerSession: number;
}

/**
 * Puts the first `timedPerSession` students of each class (enough for `timed` in all, every student
 * of a smaller run, at least one) in the probe, and the rest in `workers` load workers as
 * `placeStudents` does.
 */
export function placeWithProbe(sessions: number, perSession: number, workers: number, timed: number): Placement {
  const timedPerSession = Math.min(perSession, Math.max(1, Math.ceil(timed / Math.max(1, sessions))));
  const load = placeStudents(sessions, perSession, workers, timedPerSession);
  const probe = Array.from({ length: sessions }, (_, session) => ({ session, students: Array.from({ length: timedPerSession }, (_, i) => session * perSession + i) }));
  return { placed: [...load, probe], timedPerSession };
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
