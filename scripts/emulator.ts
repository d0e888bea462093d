/**
 * `npm run emulator -- --port 8787 [--host 127.0.0.1]`: the Gemini emulator as a standalone HTTP
 * server for tests, benchmarks and pointing a local app at (GEMINI_BASE_URL).
 */
import { parseArgs } from "node:util";
import { startEmulatorServer } from "@/lib/emulator/node-server";

function parsePort(raw: string | undefined): number {
  const port = Number(raw ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid port "${raw}": use a number from 0 to 65535.`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: "string" }, host: { type: "string" } },
  });
  const server = await startEmulatorServer({
    port: parsePort(values.port ?? process.env.EMULATOR_PORT),
    host: values.host ?? "127.0.0.1",
  });
  console.info(`Gemini emulator listening on ${server.url}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error("Gemini emulator failed to start:", error);
  process.exit(1);
});
