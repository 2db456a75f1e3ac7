import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ERROR_CODES } from "./http";
import { MAX_BODY_BYTES } from "./limits";
import { MAX_OBSERVATIONS_PER_BATCH } from "@/lib/observations/limits";

// The OpenAPI file is written by hand: these checks keep it in step with the code it documents.
const openapi = readFileSync(path.join(import.meta.dirname, "../../docs/api/openapi.yaml"), "utf8");

describe("docs/api/openapi.yaml", () => {
  it("documents every error code and every status the endpoint answers", () => {
    for (const [code, status] of Object.entries(API_ERROR_CODES)) {
      expect(openapi, code).toContain(`- ${code}`);
      expect(openapi, `${code} → ${status}`).toContain(`"${status}":`);
    }
    expect(openapi).toContain(`"201":`);
  });

  it("states the limits the code enforces", () => {
    expect(openapi).toContain(`maxItems: ${MAX_OBSERVATIONS_PER_BATCH}`);
    expect(openapi).toContain(MAX_BODY_BYTES.toLocaleString("en-US"));
    expect(openapi).toContain(`larger than ${MAX_BODY_BYTES} bytes`);
  });
});
