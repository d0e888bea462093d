import type { CodeRequest } from "./code-request";
import { commentLines, hereDocJson, printLiteral, shellWord } from "./literals";
import type { MediaFile } from "./media-files";
import { filesUploadUrl, GEMINI_API_VERSION, GEMINI_BASE_URL, restCall } from "./rest-body";

/**
 * curl, as Google's REST examples write it: the key from `$GEMINI_API_KEY`, the JSON body the
 * SDK would send (`toRestBody`) on standard input from a here-document. Files are read where the
 * script runs: small ones base64-encoded into the body, large ones through the Files API's
 * resumable upload first.
 */
export function restCode(request: CodeRequest, notes: string[], stream: boolean): string {
  const { upstream } = request;
  const { files, placeholder } = request.media;
  const uploads = files.filter((f) => f.upload);
  const header = commentLines([...(request.title ? [request.title] : []), ...notes], "#");
  const [url, body] = restCall(upstream, stream);
  const expression = (value: unknown): string | undefined => {
    const file = placeholder(value);
    if (!file) return undefined;
    return file.upload
      ? `"$${variable(file)}_URI"`
      : `"$(base64 < "$${variable(file)}" | tr -d '\\n')"`;
  };
  // A body with files takes shell substitutions, so the rest of it is escaped for the shell;
  // without, the here-document is quoted and the JSON goes as written.
  const json = files.length
    ? printLiteral(body, { syntax: "json", expression, escape: hereDocJson })
    : printLiteral(body, { syntax: "json" });
  return [
    "#!/usr/bin/env bash",
    ...header,
    "set -euo pipefail",
    "",
    ...fileLines(files),
    ...(uploads.length ? [...UPLOAD_FUNCTION, ""] : []),
    ...uploads.map(
      (f) => `${variable(f)}_URI=$(upload_file "$${variable(f)}" ${shellWord(f.mimeType)})`,
    ),
    ...(uploads.length ? [""] : []),
    `curl ${shellWord(url)} \\`,
    '  -H "x-goog-api-key: $GEMINI_API_KEY" \\',
    '  -H "Content-Type: application/json" \\',
    "  -X POST \\",
    ...(stream && upstream.method === "generateContent" ? ["  --no-buffer \\"] : []),
    `  --data-binary @- <<${files.length ? "EOF" : "'EOF'"}`,
    json,
    "EOF",
    "",
  ].join("\n");
}

function variable(file: MediaFile): string {
  return file.variable.toUpperCase();
}

function fileLines(files: MediaFile[]): string[] {
  if (!files.length) return [];
  return [
    "# Files are read from the folder this runs in.",
    ...files.map((f) => `${variable(f)}=${shellWord(f.path)}`),
    "",
  ];
}

const UPLOAD_FUNCTION = [
  "# Uploads a file through the Files API (a resumable upload), waits until Gemini has processed",
  "# it and prints its URI. Needs jq.",
  "upload_file() {",
  '  local path="$1" mime_type="$2" num_bytes headers upload_url file',
  '  num_bytes=$(wc -c < "$path" | tr -d " ")',
  "  headers=$(mktemp)",
  `  curl -s ${shellWord(filesUploadUrl())} \\`,
  '    -H "x-goog-api-key: $GEMINI_API_KEY" \\',
  '    -D "$headers" \\',
  '    -H "X-Goog-Upload-Protocol: resumable" \\',
  '    -H "X-Goog-Upload-Command: start" \\',
  '    -H "X-Goog-Upload-Header-Content-Length: $num_bytes" \\',
  '    -H "X-Goog-Upload-Header-Content-Type: $mime_type" \\',
  '    -H "Content-Type: application/json" \\',
  `    -d "$(jq -n --arg name "$(basename "$path")" '{file: {display_name: $name}}')" > /dev/null`,
  '  upload_url=$(grep -i "x-goog-upload-url: " "$headers" | cut -d" " -f2 | tr -d "\\r")',
  '  rm "$headers"',
  '  file=$(curl -s "$upload_url" \\',
  '    -H "Content-Length: $num_bytes" \\',
  '    -H "X-Goog-Upload-Offset: 0" \\',
  '    -H "X-Goog-Upload-Command: upload, finalize" \\',
  '    --data-binary "@$path" | jq ".file")',
  '  while [ "$(jq -r ".state" <<< "$file")" = "PROCESSING" ]; do',
  "    sleep 1",
  `    file=$(curl -s "${GEMINI_BASE_URL}/${GEMINI_API_VERSION}/$(jq -r ".name" <<< "$file")" \\`,
  '      -H "x-goog-api-key: $GEMINI_API_KEY")',
  "  done",
  '  jq -r ".uri" <<< "$file"',
  "}",
];
