/**
 * `npm run emulator -- --port 8787 [--host 127.0.0.1] [--key K]`: the Gemini emulator as a
 * standalone HTTP server for tests, benchmarks and pointing a local app at (GEMINI_BASE_URL).
 * With `--key`, only that API key is accepted and any other gets Google's 400 API_KEY_INVALID,
 * so a client's wrong-key path can be tested; without it any non-empty key is.
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
    options: { port: { type: "string" }, host: { type: "string" }, key: { type: "string" } },
  });
  if (values.key !== undefined && values.key.trim() === "") {
    console.error("--key needs a value: the one API key the emulator should accept.");
    process.exit(2);
  }
  const server = await startEmulatorServer({
    port: parsePort(values.port ?? process.env.EMULATOR_PORT),
    host: values.host ?? "127.0.0.1",
    ...(values.key !== undefined && { apiKey: values.key }),
  });
  const keys = values.key === undefined ? "any API key" : "only the API key given with --key";
  console.info(`Gemini emulator listening on ${server.url} (accepting ${keys})`);

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
