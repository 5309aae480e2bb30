// HOST binds the server to one address (tests: loopback only); without it, every interface for a classroom.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { BoundWebSocketTransport } from "../../server/http/boundTransport.ts";
import { readSettings } from "../../server/config.ts";

async function listenAddress(host: string | null): Promise<string> {
  const server = createServer();
  const transport = new BoundWebSocketTransport({ server }, host);
  await new Promise<void>((resolve) => transport.listen(0, undefined, undefined, resolve));
  const address = (server.address() as AddressInfo).address;
  transport.shutdown();
  return address;
}

describe("the listening address", () => {
  it("is the HOST address when set, and every interface when not", async () => {
    expect(await listenAddress("127.0.0.1")).toBe("127.0.0.1");
    expect(["::", "0.0.0.0"]).toContain(await listenAddress(null));
  });

  it("comes from the HOST variable", () => {
    expect(readSettings({ HOST: "127.0.0.1" }).host).toBe("127.0.0.1");
    expect(readSettings({}).host).toBeNull();
  });

  it("is loopback for every server the test suites start", () => {
    expect(process.env.HOST).toBe("127.0.0.1");
  });
});
