/**
 * Runs a generated Apps Script file in Node, for tests/contract/codegen-apps-script.test.ts. The
 * services it calls stand in with real effects: UrlFetchApp makes a real HTTP request, and blocks
 * until the answer is in as Apps Script's does (curl, run synchronously); Drive files are the
 * files beside the script, found by the names the code's comments give each DRIVE_FILE_ID, as a
 * person reading it would fill them in. Usage: node codegen-apps-script-runner.cjs FILE.gs
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const file = process.argv[2];
const code = fs.readFileSync(file, "utf8");
const drive = new Map();
for (const [, id, name] of code.matchAll(/getFileById\("([^"]+)"\)[^\n]*\/\/ (.+)$/gm)) {
  drive.set(id, name.trim());
}

function blob(bytes, name, contentType) {
  return {
    getBytes: () => Buffer.from(bytes),
    getName: () => name,
    getContentType: () => contentType,
  };
}

/** The last block of a header dump: curl writes one per response, `100 Continue` included. */
function headersOf(dump) {
  const blocks = dump.split(/\r?\n\r?\n/).filter((block) => block.trim());
  const headers = {};
  for (const line of (blocks.at(-1) ?? "").split(/\r?\n/).slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }
  return headers;
}

function fetchNow(url, params = {}) {
  const scratch = fs.mkdtempSync(path.join(process.cwd(), ".fetch-"));
  const headerFile = path.join(scratch, "headers");
  const bodyFile = path.join(scratch, "body");
  const args = ["-sS", "-X", (params.method ?? "get").toUpperCase(), "-D", headerFile];
  args.push("-o", bodyFile, "-w", "%{http_code}");
  const headers = { ...params.headers };
  if (params.contentType) headers["Content-Type"] = params.contentType;
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  let input;
  if (params.payload !== undefined) {
    args.push("--data-binary", "@-");
    input = typeof params.payload === "string" ? params.payload : Buffer.from(params.payload);
  }
  args.push(url);
  const status = Number(execFileSync("curl", args, { input, maxBuffer: 1 << 26 }).toString());
  const text = fs.readFileSync(bodyFile, "utf8");
  const all = headersOf(fs.readFileSync(headerFile, "latin1"));
  fs.rmSync(scratch, { recursive: true });
  if (status >= 400 && !params.muteHttpExceptions) {
    throw new Error(`Request failed for ${url} returned code ${status}: ${text.slice(0, 500)}`);
  }
  return {
    getResponseCode: () => status,
    getContentText: () => text,
    getAllHeaders: () => all,
    getHeaders: () => all,
  };
}

const services = {
  UrlFetchApp: { fetch: fetchNow },
  PropertiesService: {
    getScriptProperties: () => ({ getProperty: (name) => process.env[name] ?? null }),
  },
  DriveApp: {
    getFileById(id) {
      const name = drive.get(id);
      if (!name) throw new Error(`No Drive file ${id}`);
      return { getBlob: () => blob(fs.readFileSync(name), path.basename(name), undefined) };
    },
    createFile(created) {
      fs.writeFileSync(created.getName(), created.getBytes());
    },
  },
  Utilities: {
    base64Encode: (bytes) => Buffer.from(bytes).toString("base64"),
    base64Decode: (text) => Buffer.from(text, "base64"),
    newBlob: (bytes, contentType, name) => blob(bytes, name, contentType),
    sleep: (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms),
  },
  Logger: {
    log: (value) =>
      process.stdout.write(`${typeof value === "string" ? value : JSON.stringify(value)}\n`),
  },
};

vm.runInNewContext(`${code}\nmain();`, services, { filename: file });
