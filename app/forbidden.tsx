import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center" data-testid="forbidden">
      <p className="text-sm font-medium text-neutral-500">403</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-neutral-600">{t("body")}</p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-md bg-accent px-4 py-2 text-sm font-medium text-white"
      >
        {t("home")}
      </Link>
    </main>
  );
}
