import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys/queries";
import { API_KEY_SCOPES } from "@/lib/api-keys/schemas";
import { requireUser } from "@/lib/auth/session";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";
import { ApiKeyTable } from "./_components/api-key-table";
import { CreateApiKeyForm } from "./_components/create-api-key-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKeys"))("title") };
}

export default async function ApiKeysPage() {
  const user = await requireUser("apikey:manage");
  const [keys, t] = await Promise.all([listApiKeys(user), getTranslations("apiKeys")]);
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <a href="/api/v1/openapi.yaml" className="text-sm text-accent hover:underline">
            {t("docs")}
          </a>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <ApiKeyTable keys={keys} revokeApiKey={revokeApiKeyAction} />
        <aside className="h-fit rounded-lg border border-neutral-200 bg-white p-4">
          <h2 className="mb-3 font-medium">{t("new")}</h2>
          <CreateApiKeyForm scopes={[...API_KEY_SCOPES]} createApiKey={createApiKeyAction} />
        </aside>
      </div>
    </>
  );
}
