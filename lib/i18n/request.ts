import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, REPORTING_TIME_ZONE } from "./config";
import { MESSAGES } from "./messages";

// The language is the user's choice (a cookie the language switcher sets, also saved on the
// user), else the browser's Accept-Language. URLs carry no locale prefix.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen)
    ? chosen
    : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return { locale, messages: MESSAGES[locale], timeZone: REPORTING_TIME_ZONE };
});
