import type { TLocale } from "../config";
import en from "./en.json";
import enApiKeys from "./en/apiKeys.json";
import enFollowUps from "./en/followUps.json";
import enFrontline from "./en/frontline.json";
import enImports from "./en/imports.json";
import enMeasure from "./en/measure.json";
import enAnalyze from "./en/analyze.json";
import enImprove from "./en/improve.json";
import enControl from "./en/control.json";
import enPromises from "./en/promises.json";
import enOverview from "./en/overview.json";
import enAuditLog from "./en/auditLog.json";
import enSecurity from "./en/security.json";
import enAccounts from "./en/accounts.json";
import enSso from "./en/sso.json";
import ko from "./ko.json";
import koApiKeys from "./ko/apiKeys.json";
import koFollowUps from "./ko/followUps.json";
import koFrontline from "./ko/frontline.json";
import koImports from "./ko/imports.json";
import koMeasure from "./ko/measure.json";
import koAnalyze from "./ko/analyze.json";
import koImprove from "./ko/improve.json";
import koControl from "./ko/control.json";
import koPromises from "./ko/promises.json";
import koOverview from "./ko/overview.json";
import koAuditLog from "./ko/auditLog.json";
import koSecurity from "./ko/security.json";
import koAccounts from "./ko/accounts.json";
import koSso from "./ko/sso.json";

// The shared messages (en.json, ko.json) and one file per feature area (en/<area>.json), which
// becomes the namespace <area>: a feature's strings live beside each other, not in one huge file.
export const MESSAGES = {
  en: {
    ...en,
    frontline: enFrontline,
    imports: enImports,
    apiKeys: enApiKeys,
    followUps: enFollowUps,
    measure: enMeasure,
    analyze: enAnalyze,
    improve: enImprove,
    control: enControl,
    promises: enPromises,
    overview: enOverview,
    auditLog: enAuditLog,
    security: enSecurity,
    accounts: enAccounts,
    sso: enSso,
  },
  ko: {
    ...ko,
    frontline: koFrontline,
    imports: koImports,
    apiKeys: koApiKeys,
    followUps: koFollowUps,
    measure: koMeasure,
    analyze: koAnalyze,
    improve: koImprove,
    control: koControl,
    promises: koPromises,
    overview: koOverview,
    auditLog: koAuditLog,
    security: koSecurity,
    accounts: koAccounts,
    sso: koSso,
  },
} satisfies Record<TLocale, object>;
