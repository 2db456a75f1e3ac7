import "server-only";
import { assertCan, type TActor } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import type { TLocale } from "@/lib/i18n/config";
import { ZJourneyDocument } from "@/lib/journeys/document";
import { createJourneyFromDocument } from "@/lib/journeys/from-document";
import { findTemplate } from "./catalog";

/**
 * Creates a new journey of the organization from a template, in one transaction. Names are
 * bilingual; the description (a single free-text field) is written in the reader's language.
 */
export async function createJourneyFromTemplate(
  actor: TActor,
  templateKey: string,
  locale: TLocale = "ko",
) {
  assertCan(actor, "journey:write");
  const template = findTemplate(templateKey);
  if (!template) throw notFound("templateKey");
  const document = ZJourneyDocument.parse(template.journey);
  if (locale === "en") document.description = template.descriptionEn;
  return createJourneyFromDocument(actor, document, {
    templateKey,
    action: "journey.createFromTemplate",
  });
}
