// Entry point (npm start): one process on PORT (all interfaces), serving the session room and the
// built client, printing the local and LAN URLs and a QR code of the join URL.
import { networkInterfaces } from "node:os";
import { listen } from "@colyseus/tools";
import QRCode from "qrcode";
import { createAppConfig } from "./appConfig.ts";

function getLanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) out.push(a.address);
  }
  return out;
}

async function main(): Promise<void> {
  const { app, settings, facilitator, records } = createAppConfig();
  process.env.PORT = String(settings.port);
  // Binds every interface so phones on the classroom network can reach it.
  const server = await listen(app, settings.port);
  server.onShutdown(async () => {
    // Rooms are closed by now; their records stay live and come back at the next start.
    await records.stop();
    console.log("Session server stopped.");
  });

  const lan = getLanAddresses();
  const urls = lan.map((ip) => `http://${ip}:${settings.port}/`);
  console.log(`\nHidden Costs session server`);
  console.log(`  Local:   http://localhost:${settings.port}/`);
  for (const url of urls) console.log(`  Network: ${url}`);
  const joinUrl = urls[0] ?? `http://localhost:${settings.port}/`;
  console.log(`\nStudents: open ${joinUrl} and type the session code (or scan):\n`);
  console.log(await QRCode.toString(joinUrl, { type: "terminal", small: true }));
  console.log(`Content: ${settings.contentDir}  ·  Ctrl+C to stop`);
  const keyOrigin = facilitator.origin === "environment" ? "from FACILITATOR_KEY" : `stored in ${facilitator.path ?? settings.dataDir}`;
  console.log(`Facilitator key for the scenario editor (${keyOrigin}): ${facilitator.key}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
