import type { CodeRequest } from "./code-request";
import { commentLines, printLiteral, quoteString } from "./literals";
import type { MediaFile } from "./media-files";
import { filesUploadUrl, GEMINI_API_VERSION, GEMINI_BASE_URL, restCall } from "./rest-body";

/**
 * Google Apps Script, as Google's docs write it: the key from the script's properties,
 * `UrlFetchApp.fetch` with the REST body (`toRestBody`). Apps Script waits for a whole response,
 * so it always calls `generateContent`. Files come from Google Drive, by file ids the person
 * fills in: small ones base64-encoded into the body, large ones uploaded to the Files API first.
 */
export function appsScriptCode(request: CodeRequest, notes: string[]): string {
  // Apps Script has no streaming: whatever was asked, the answer comes whole (a note says so).
  const { upstream } = request;
  const { files, placeholder } = request.media;
  const header = commentLines([...(request.title ? [request.title] : []), ...notes], "//");
  const [url, body] = restCall(upstream, false);
  const expression = (value: unknown): string | undefined => {
    const file = placeholder(value);
    if (!file) return undefined;
    return file.upload
      ? `${file.variable}.uri`
      : `Utilities.base64Encode(${file.variable}.getBytes())`;
  };
  const opening = "  const payload = ";
  return [
    ...header,
    ...(header.length ? [""] : []),
    "function main() {",
    '  const apiKey = PropertiesService.getScriptProperties().getProperty("GEMINI_API_KEY");',
    ...fileLines(files),
    `${opening}${printLiteral(body, { syntax: "js", expression }, 2, opening.length)};`,
    "  const response = UrlFetchApp.fetch(",
    `    ${JSON.stringify(url)},`,
    "    {",
    '      method: "post",',
    '      contentType: "application/json",',
    '      headers: { "x-goog-api-key": apiKey },',
    "      payload: JSON.stringify(payload),",
    "    },",
    "  );",
    "  const result = JSON.parse(response.getContentText());",
    ...(upstream.method === "generateImages" ? IMAGEN_OUTPUT : output(request.declaresFunctions)),
    "}",
    ...(files.some((f) => f.upload) ? ["", ...UPLOAD_FUNCTION] : []),
    "",
  ].join("\n");
}

function fileLines(files: MediaFile[]): string[] {
  if (!files.length) return [];
  return [
    "  // Files are read from Google Drive: put each one's file id in place of DRIVE_FILE_ID_….",
    ...files.map((f, i) => {
      const blob = `DriveApp.getFileById("DRIVE_FILE_ID_${i + 1}").getBlob()`;
      const value = f.upload ? `uploadFile_(${blob}, ${quoteString(f.mimeType)}, apiKey)` : blob;
      // One line whatever the name holds: a line break would end the comment.
      return `  const ${f.variable} = ${value}; // ${f.path.replace(/\s+/g, " ")}`;
    }),
  ];
}

function output(declared: boolean): string[] {
  return [
    "  const parts = result.candidates[0].content.parts;",
    '  Logger.log(parts.map((part) => part.text || "").join(""));',
    ...(declared
      ? [
          "  // A function call comes back as a functionCall part: run it, then send this conversation",
          "  // again with the model's turn and a user turn holding its result as a functionResponse part.",
          "  parts.filter((part) => part.functionCall).forEach((part) => Logger.log(part.functionCall));",
        ]
      : []),
  ];
}

const IMAGEN_OUTPUT = [
  "  result.predictions.forEach((prediction, i) => {",
  "    if (!prediction.bytesBase64Encoded) return Logger.log(prediction.raiFilteredReason);",
  "    const bytes = Utilities.base64Decode(prediction.bytesBase64Encoded);",
  '    DriveApp.createFile(Utilities.newBlob(bytes, prediction.mimeType, "image-" + (i + 1)));',
  "  });",
];

const UPLOAD_FUNCTION = [
  "// Uploads a file through the Files API (a resumable upload) and waits until Gemini has",
  "// processed it.",
  "function uploadFile_(blob, mimeType, apiKey) {",
  "  const bytes = blob.getBytes();",
  "  const start = UrlFetchApp.fetch(",
  `    ${JSON.stringify(filesUploadUrl())},`,
  "    {",
  '      method: "post",',
  '      contentType: "application/json",',
  "      headers: {",
  '        "x-goog-api-key": apiKey,',
  '        "X-Goog-Upload-Protocol": "resumable",',
  '        "X-Goog-Upload-Command": "start",',
  '        "X-Goog-Upload-Header-Content-Length": String(bytes.length),',
  '        "X-Goog-Upload-Header-Content-Type": mimeType,',
  "      },",
  "      payload: JSON.stringify({ file: { displayName: blob.getName() } }),",
  "    },",
  "  );",
  "  const headers = start.getAllHeaders();",
  '  const name = Object.keys(headers).find((key) => key.toLowerCase() === "x-goog-upload-url");',
  "  const upload = UrlFetchApp.fetch(headers[name], {",
  '    method: "post",',
  '    headers: { "X-Goog-Upload-Command": "upload, finalize", "X-Goog-Upload-Offset": "0" },',
  "    payload: bytes,",
  "  });",
  "  let file = JSON.parse(upload.getContentText()).file;",
  '  while (file.state === "PROCESSING") {',
  "    Utilities.sleep(1000);",
  "    file = JSON.parse(",
  `      UrlFetchApp.fetch(${JSON.stringify(`${GEMINI_BASE_URL}/${GEMINI_API_VERSION}/`)} + file.name, {`,
  '        headers: { "x-goog-api-key": apiKey },',
  "      }).getContentText(),",
  "    );",
  "  }",
  "  return file;",
  "}",
];
