// `GET /api/network`: the server's own LAN addresses (from the OS), so the host lobby can show a join URL phones can reach.
import { networkInterfaces } from "node:os";
import type express from "express";
import type { NetworkAddress, NetworkInfo } from "../../shared/protocol/network.ts";
import { NETWORK_ROUTE } from "../../shared/protocol/network.ts";

/** The part of `os.NetworkInterfaceInfo` the route reads. */
export interface InterfaceAddress {
  address: string;
  family: string | number;
  internal: boolean;
}

/** Lists interfaces by name, like `os.networkInterfaces()`; tests pass a stub. */
export type InterfaceProvider = () => Record<string, readonly InterfaceAddress[] | undefined>;

const isPrivateIpv4 = (a: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a);
/** Link-local addresses need a zone id that browsers do not accept in URLs, and APIPA means no DHCP: not a classroom network. */
const isLinkLocal = (family: "IPv4" | "IPv6", a: string) => (family === "IPv4" ? a.startsWith("169.254.") : /^fe[89ab][0-9a-f]:/i.test(a));

function familyOf(value: string | number): "IPv4" | "IPv6" | null {
  // Node 18.0–18.3 reported the family as a number.
  if (value === "IPv4" || value === 4) return "IPv4";
  if (value === "IPv6" || value === 6) return "IPv6";
  return null;
}

function rank(a: NetworkAddress): number {
  if (a.family === "IPv4") return isPrivateIpv4(a.address) ? 0 : 1;
  return 2;
}

const isWildcard = (host: string) => host === "0.0.0.0" || host === "::";
const isLoopback = (host: string) => host === "localhost" || host === "::1" || host.startsWith("127.");
/** HOST as an address: an IPv6 one may be written in brackets ("[::1]"). */
const unbracket = (host: string | null) => host?.replace(/^\[|\]$/g, "") ?? null;

/** Whether http://localhost reaches a server listening on `boundHost` (every interface, or loopback). */
export function isLocalhostReachable(boundHost: string | null): boolean {
  const host = unbracket(boundHost);
  return !host || isWildcard(host) || isLoopback(host);
}

function toAddress(interfaceName: string, family: "IPv4" | "IPv6", address: string, port: number, protocol: string): NetworkAddress {
  const host = family === "IPv6" ? `[${address}]` : address;
  return { interfaceName, family, address, joinBaseUrl: `${protocol}://${host}:${port}/join` };
}

/**
 * The reachable addresses with their join URLs, likeliest first, and whether only loopback is left.
 * With `boundHost` (the HOST setting) set to one LAN address, the server listens there only, so only
 * it is listed. A loopback HOST is how the tests and benchmarks run a classroom server on one
 * machine: the lobby then shows what it shows without HOST, the machine's addresses.
 */
export function getNetworkInfo(interfaces: ReturnType<InterfaceProvider>, port: number, protocol = "http", boundHost: string | null = null): NetworkInfo {
  const host = unbracket(boundHost);
  const bound = host && !isWildcard(host) && !isLoopback(host) ? host : null;
  const addresses: NetworkAddress[] = [];
  const seen = new Set<string>();
  for (const [interfaceName, list] of Object.entries(interfaces)) {
    for (const entry of list ?? []) {
      const family = familyOf(entry.family);
      if (!family || entry.internal || isLinkLocal(family, entry.address) || seen.has(entry.address)) continue;
      if (bound && entry.address !== bound) continue;
      seen.add(entry.address);
      addresses.push(toAddress(interfaceName, family, entry.address, port, protocol));
    }
  }
  // A HOST that is a name, or an address the OS does not list: phones reach it as written.
  if (bound && addresses.length === 0) addresses.push(toAddress("HOST", bound.includes(":") ? "IPv6" : "IPv4", bound, port, protocol));
  addresses.sort((a, b) => rank(a) - rank(b));
  return { port, addresses, loopbackOnly: addresses.length === 0 };
}

/** Registers `GET /api/network`; the port is the one the request arrived on, so it is right behind any PORT setting. */
export function registerNetworkRoutes(app: express.Application, provider: InterfaceProvider = networkInterfaces, boundHost: string | null = null): void {
  app.get(NETWORK_ROUTE, (req, res) => {
    const port = req.socket.localPort ?? 0;
    res.set("Cache-Control", "no-store").json(getNetworkInfo(provider(), port, req.protocol === "https" ? "https" : "http", boundHost));
  });
}
