import "server-only";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { ZJourneyDocument } from "@/lib/journeys/document";
import { createJourneyFromDocument } from "@/lib/journeys/from-document";
import { findTemplate } from "./catalog";

/** Creates a new journey of the organization from a template, in one transaction. */
export async function createJourneyFromTemplate(actor: TActor, templateKey: string) {
  assertCan(actor, "journey:write");
  const template = findTemplate(templateKey);
  if (!template) throw notFound("templateKey");
  return createJourneyFromDocument(actor, ZJourneyDocument.parse(template.journey), { templateKey, action: "journey.createFromTemplate" });
}
