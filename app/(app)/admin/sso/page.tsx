import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { ssoRedirectUri } from "@/lib/auth/sso/flow";
import { deploymentEnv } from "@/lib/env";
import { getSsoConnection } from "@/lib/sso/queries";
import { saveSsoConnectionAction } from "./actions";
import { SsoConnectionForm } from "./_components/sso-connection-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sso"))("title") };
}

export default async function SsoPage() {
  const user = await requireUser("sso:manage");
  const [connection, t] = await Promise.all([getSsoConnection(user), getTranslations("sso")]);
  const redirectUri = ssoRedirectUri(deploymentEnv().MOMENTS_PUBLIC_URL);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="grid max-w-2xl gap-6">
        <section className="rounded-lg border border-neutral-200 bg-white p-4">
          <h2 className="text-sm font-medium text-neutral-800">{t("redirectUri")}</h2>
          <code className="mt-2 block break-all text-sm" data-testid="sso-redirect-uri">
            {redirectUri}
          </code>
          <p className="mt-1 text-xs text-neutral-500">{t("redirectUriHint")}</p>
        </section>
        <section className="rounded-lg border border-neutral-200 bg-white p-4">
          <SsoConnectionForm connection={connection} saveConnection={saveSsoConnectionAction} />
        </section>
      </div>
    </>
  );
}
