// Entry point (npm start): one process on PORT (all interfaces, or HOST), serving the session room and the
// built client, printing the local and LAN URLs and a QR code of the join URL.
import { networkInterfaces } from "node:os";
import { listen } from "@colyseus/tools";
import QRCode from "qrcode";
import { createAppConfig } from "./appConfig.ts";
import { getNetworkInfo, isLocalhostReachable } from "./http/networkRoutes.ts";

async function main(): Promise<void> {
  const { app, settings, facilitator, records } = createAppConfig();
  process.env.PORT = String(settings.port);
  // Binds every interface (or only HOST) so phones on the classroom network can reach it.
  const server = await listen(app, settings.port);
  server.onShutdown(async () => {
    // Rooms are closed by now; their records stay live and come back at the next start.
    await records.stop();
    console.log("Session server stopped.");
  });

  // The same addresses the host's lobby shows: only HOST when it is set.
  const network = getNetworkInfo(networkInterfaces(), settings.port, "http", settings.host);
  const urls = network.addresses.map((a) => a.joinBaseUrl.replace(/join$/, ""));
  console.log(`\nHidden Costs session server`);
  const local = isLocalhostReachable(settings.host) ? `http://localhost:${settings.port}/` : null;
  if (local) console.log(`  Local:   ${local}`);
  for (const url of urls) console.log(`  Network: ${url}`);
  const joinUrl = urls[0] ?? local ?? `http://${settings.host}:${settings.port}/`;
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
