// GET /api/network lists the addresses phones can reach (LAN IPv4 first, usable IPv6), with join URLs, and flags loopback-only machines.
import type { Server } from "node:http";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import type { InterfaceProvider } from "../../server/http/networkRoutes.ts";
import { getNetworkInfo, isLocalhostReachable, registerNetworkRoutes } from "../../server/http/networkRoutes.ts";
import { NetworkInfoSchema } from "../../shared/protocol/network.ts";

const LOOPBACK = [
  { address: "127.0.0.1", family: "IPv4", internal: true },
  { address: "::1", family: "IPv6", internal: true },
];

let server: Server | null = null;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = null;
});

async function serve(provider: InterfaceProvider, boundHost: string | null = null): Promise<{ base: string; port: number }> {
  const app = express();
  registerNetworkRoutes(app, provider, boundHost);
  await new Promise<void>((resolve) => {
    server = app.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server?.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, port };
}

describe("GET /api/network", () => {
  it("answers the LAN addresses with join URLs on the port the request arrived on, private IPv4 first", async () => {
    const { base, port } = await serve(() => ({
      lo: LOOPBACK,
      docker0: [{ address: "203.0.113.7", family: "IPv4", internal: false }],
      wlan0: [
        { address: "192.168.1.20", family: "IPv4", internal: false },
        { address: "fe80::1c2b:3cff:fe4d:5e6f", family: "IPv6", internal: false },
        { address: "fd12:3456::20", family: "IPv6", internal: false },
      ],
    }));
    const res = await fetch(`${base}/api/network`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const info = NetworkInfoSchema.parse(await res.json());
    expect(info.port).toBe(port);
    expect(info.loopbackOnly).toBe(false);
    expect(info.addresses.map((a) => a.address)).toEqual(["192.168.1.20", "203.0.113.7", "fd12:3456::20"]);
    expect(info.addresses[0]).toEqual({ interfaceName: "wlan0", family: "IPv4", address: "192.168.1.20", joinBaseUrl: `http://192.168.1.20:${port}/join` });
    expect(info.addresses[2]?.joinBaseUrl).toBe(`http://[fd12:3456::20]:${port}/join`);
  });

  it("flags a machine with only loopback (and link-local) addresses: no phone can reach it", async () => {
    const { base } = await serve(() => ({ lo: LOOPBACK, eth0: [{ address: "169.254.10.3", family: "IPv4", internal: false }, { address: "fe80::2", family: "IPv6", internal: false }] }));
    const info = NetworkInfoSchema.parse(await (await fetch(`${base}/api/network`)).json());
    expect(info).toMatchObject({ addresses: [], loopbackOnly: true });
  });

  it("reads numeric families (older Node) and lists an address shared by two interfaces once", () => {
    const info = getNetworkInfo({ a: [{ address: "10.0.0.5", family: 4, internal: false }], b: [{ address: "10.0.0.5", family: "IPv4", internal: false }], c: undefined }, 2567);
    expect(info.addresses).toEqual([{ interfaceName: "a", family: "IPv4", address: "10.0.0.5", joinBaseUrl: "http://10.0.0.5:2567/join" }]);
  });
  it("with HOST set to one LAN address, answers only that address: the server listens nowhere else", async () => {
    const interfaces = () => ({
      lo: LOOPBACK,
      eth0: [{ address: "10.0.0.5", family: "IPv4", internal: false }],
      wlan0: [{ address: "192.168.1.20", family: "IPv4", internal: false }, { address: "fd12:3456::20", family: "IPv6", internal: false }],
    });
    const { base, port } = await serve(interfaces, "10.0.0.5");
    const info = NetworkInfoSchema.parse(await (await fetch(`${base}/api/network`)).json());
    expect(info).toEqual({ port, loopbackOnly: false, addresses: [{ interfaceName: "eth0", family: "IPv4", address: "10.0.0.5", joinBaseUrl: `http://10.0.0.5:${port}/join` }] });
    expect(getNetworkInfo(interfaces(), 2567, "http", "[fd12:3456::20]").addresses.map((a) => a.joinBaseUrl)).toEqual(["http://[fd12:3456::20]:2567/join"]);
    // A loopback HOST (tests, benchmarks) lists the machine's addresses, as without HOST.
    expect(getNetworkInfo(interfaces(), 2567, "http", "127.0.0.1")).toEqual(getNetworkInfo(interfaces(), 2567));
    // A name the OS does not list is given as written; a wildcard lists every interface.
    expect(getNetworkInfo(interfaces(), 2567, "http", "class-laptop.local").addresses.map((a) => a.joinBaseUrl)).toEqual(["http://class-laptop.local:2567/join"]);
    expect(getNetworkInfo(interfaces(), 2567, "http", "0.0.0.0").addresses).toHaveLength(3);
  });

  it("says whether http://localhost reaches the server", () => {
    expect(isLocalhostReachable(null)).toBe(true);
    expect(isLocalhostReachable("0.0.0.0")).toBe(true);
    expect(isLocalhostReachable("127.0.0.1")).toBe(true);
    expect(isLocalhostReachable("::1")).toBe(true);
    expect(isLocalhostReachable("[::]")).toBe(true);
    expect(isLocalhostReachable("192.168.1.20")).toBe(false);
  });
});
