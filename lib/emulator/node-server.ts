/**
 * Serves the emulator over real HTTP with node:http, for tests, benchmarks and `npm run emulator`.
 * The adapter owns three transport duties the Web handler cannot: abort the request's signal when
 * the client's socket goes away, stream the body with backpressure, and turn an errored body
 * (`#emulator disconnect=N`) into an abruptly destroyed socket rather than a clean end.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { drainBody } from "@/lib/emulator/validation/body-bytes";
import { createEmulator, type EmulatorOptions } from "./index";
import type { RequestLog } from "./log";

export interface EmulatorServerOptions extends EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /**
   * Accept only this API key; any other gets Google's 400 API_KEY_INVALID (capture 10f). Without
   * it (and without `acceptKey`) any non-empty key is accepted, as offline mode needs.
   */
  apiKey?: string;
}

export interface EmulatorServer {
  url: string;
  port: number;
  log: RequestLog;
  close(): Promise<void>;
}

/**
 * The request as a Web Request whose body streams from the socket: an 8 MiB upload chunk or a
 * 20 MB inline payload is copied once, by whoever reads it, instead of being buffered here first.
 * The URL takes the Host header's origin, so upload URLs and file URIs point where the client
 * connected.
 */
function toRequest(req: IncomingMessage, signal: AbortSignal, base: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const origin = req.headers.host ? `http://${req.headers.host}` : base;
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal,
    // Node's fetch needs this for a streamed request body.
    duplex: "half",
  } as RequestInit);
}

/** A comparison that takes as long for a near miss as for a far one. */
function sameKey(expected: string): (key: string) => boolean {
  const want = new TextEncoder().encode(expected);
  return (key) => {
    const got = new TextEncoder().encode(key);
    let difference = want.length ^ got.length;
    for (let i = 0; i < want.length; i++) difference |= (want[i] ?? 0) ^ (got[i] ?? 0);
    return difference === 0;
  };
}

/** Resolves once `data` is flushed to the socket, so later frames keep their order and pace. */
function write(res: ServerResponse, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    res.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

async function pipeBody(response: Response, res: ServerResponse): Promise<void> {
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      await write(res, value);
    }
    res.end();
  } catch {
    // The body failed mid-way (a disconnect directive, or the client left): no clean end.
    res.socket?.destroy();
    res.destroy();
  } finally {
    reader.releaseLock();
  }
}

export async function startEmulatorServer(
  options: EmulatorServerOptions = {},
): Promise<EmulatorServer> {
  const { port = 0, host = "127.0.0.1", apiKey, ...emulatorOptions } = options;
  const emulator = createEmulator(
    apiKey === undefined ? emulatorOptions : { ...emulatorOptions, acceptKey: sameKey(apiKey) },
  );
  let base = `http://${host}`;

  const server = createServer(async (req, res) => {
    const controller = new AbortController();
    // 'close' before the response finished means the client went away.
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    try {
      const request = toRequest(req, controller.signal, base);
      const response = await emulator(request);
      // A body the handler never read (a 404, a refused key) still has to leave the socket, or a
      // kept-alive connection stalls behind it.
      drainBody(request).catch(() => undefined);
      if (controller.signal.aborted) {
        await response.body?.cancel();
        return;
      }
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.flushHeaders();
      await pipeBody(response, res);
    } catch (error) {
      if (controller.signal.aborted) return;
      console.error("Gemini emulator server: request failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Gemini emulator failure");
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = host.includes(":") ? `[${host}]` : host;
  base = `http://${hostForUrl}:${address.port}`;

  return {
    url: base,
    port: address.port,
    log: emulator.log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // SDK clients keep sockets alive; without this, close() waits for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
