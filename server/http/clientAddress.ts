// The address a request really comes from. The socket's peer address is the truth; forwarding
// headers (X-Forwarded-For, X-Real-IP, X-Client-IP) are believed only when the peer is a proxy
// named in TRUST_PROXY, because any client can write them.
import { BlockList, isIP } from "node:net";

/**
 * Which peers are trusted proxies. `TRUST_PROXY` is either a hop count ("1": the last hop before
 * us is a proxy, believe one X-Forwarded-For entry) or a comma-separated list of addresses and
 * CIDR ranges ("127.0.0.1, 10.0.0.0/8, ::1"), or empty (default: no proxy, headers ignored).
 */
export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; list: BlockList };

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) → "10.0.0.1". */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped?.[1] ?? trimmed;
}

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? "";
  if (value === "" || value === "0" || value === "false") return { kind: "none" };
  if (/^\d+$/.test(value)) return { kind: "hops", hops: Number(value) };
  const list = new BlockList();
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const type = isIP(address);
    if (type === 0) throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range`);
    const family = type === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, family);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (type === 4 ? 32 : 128)) throw new Error(`TRUST_PROXY: bad prefix in "${entry}"`);
      list.addSubnet(address, bits, family);
    }
  }
  return { kind: "list", list };
}

function isTrusted(trust: TrustProxy, address: string): boolean {
  if (trust.kind !== "list") return false;
  const type = isIP(address);
  return type !== 0 && trust.list.check(address, type === 4 ? "ipv4" : "ipv6");
}

/**
 * Walks the X-Forwarded-For chain from our side: each hop is believed only while the address
 * that handed it to us is a trusted proxy (list) or within the hop count.
 */
export function resolveClientAddress(remoteAddress: string | undefined, forwardedFor: string | undefined, trust: TrustProxy): string {
  const peer = normaliseAddress(remoteAddress ?? "") || "unknown";
  if (trust.kind === "none" || !forwardedFor) return peer;
  const chain = forwardedFor.split(",").map(normaliseAddress).filter((a) => isIP(a) !== 0);
  if (trust.kind === "hops") {
    // hops = how many proxies stand in front of us: the client is that many entries from the end.
    const index = chain.length - trust.hops;
    return trust.hops === 0 ? peer : (chain[Math.max(0, index)] ?? peer);
  }
  let current = peer;
  for (let i = chain.length - 1; i >= 0 && isTrusted(trust, current); i--) current = chain[i] ?? current;
  return current;
}
