// The serializer a load-test student gets when it reads another client's state instead of decoding
// its own copy of the same patches (loadWorker.ts, "shared decoding"). It takes the place of the
// SDK's SchemaSerializer on the room: the SDK hands it each state frame and reads `getState()` for
// `room.state` and its onStateChange callbacks.

export class BorrowedState<S = unknown> {
  private readonly read: () => S;

  constructor(read: () => S) {
    this.read = read;
  }

  getState(): S {
    return this.read();
  }

  /** The patch's bytes were counted by the socket's meter; the state they change is decoded by the room's timed student. */
  patch(): void {}

  /** A full state mid-play means the connection was re-established, which the benchmark never does (reconnection is off). */
  setState(): void {
    throw new Error("a borrowed state cannot take a full state: the benchmark does not reconnect");
  }

  teardown(): void {}
}
