import { readFile } from "node:fs/promises";
import path from "node:path";

// The API's OpenAPI description, served from the one file the docs keep (docs/api/openapi.yaml).
// Public on purpose: it holds no secret, and a survey tool's developer reads it before having a key.
export async function GET() {
  const document = await readFile(path.join(process.cwd(), "docs", "api", "openapi.yaml"), "utf8");
  return new Response(document, { headers: { "content-type": "application/yaml; charset=utf-8", "cache-control": "public, max-age=300" } });
}
