import { postObservations } from "@/lib/api/post-observations";

// The ingestion API for machines (survey tools, kiosks): see docs/api/openapi.yaml.
export const POST = (request: Request) => postObservations(request);
