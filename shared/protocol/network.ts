// What `GET /api/network` answers: the addresses phones can reach this server on, so the host's
// lobby shows a join URL and QR code that work from the classroom network (zod: the one source of truth).
import { z } from "zod";

export const NETWORK_ROUTE = "/api/network";

export const NetworkAddressSchema = z.strictObject({
  /** Interface name as the operating system reports it ("eth0", "Wi-Fi"). */
  interfaceName: z.string(),
  family: z.enum(["IPv4", "IPv6"]),
  address: z.string().min(1),
  /** Where students open the join page on this address, e.g. "http://192.168.1.20:2567/join". */
  joinBaseUrl: z.string().url(),
});
export type NetworkAddress = z.infer<typeof NetworkAddressSchema>;

export const NetworkInfoSchema = z.strictObject({
  port: z.number().int().min(1).max(65535),
  /** Reachable addresses, the likeliest classroom address first (private IPv4, other IPv4, then IPv6). */
  addresses: z.array(NetworkAddressSchema),
  /** True when the server has no address but loopback: no phone can reach it. */
  loopbackOnly: z.boolean(),
});
export type NetworkInfo = z.infer<typeof NetworkInfoSchema>;
