import { expect } from "vitest";
import { FRONTLINE_JOURNEY_COOKIE } from "@/app/(app)/frontline/journey-cookie";
import { db } from "@/lib/db/client";
import { touchpointInput } from "../helpers/journey-fixture";
import {
  checkAuthCallbackWithoutCsrf,
  checkAuthSession,
  checkOpenApi,
  checkSetLocale,
  checkSignIn,
  checkSignOut,
  checkSignOutEverywhere,
} from "./public-checks";
import {
  checkAcceptInvitation,
  checkChangeOwnPassword,
  checkForgotPassword,
  checkResetPassword,
  checkSetup,
} from "./account-checks";
import { cookieOf } from "./request-context";
import { checkSsoCallback, checkStartSso } from "./sso-checks";
import { apiObservationRequest, ORIGIN, outcomeOfImportStream, surveyUpload } from "./requests";
import { action, publicly, roles, route, type TRule } from "./rules";
import {
  freshApiKey,
  freshArchivedJourney,
  freshCause,
  freshExpectation,
  freshFollowUp,
  freshImportMapping,
  freshInvitation,
  freshJourney,
  freshOption,
  freshSegment,
  freshStage,
  freshTouchpoint,
  freshUser,
  importMappingOf,
  journeyVersion,
  reversedLayout,
} from "./world";
import {
  chartInput,
  dayFromToday,
  freshActionItem,
  freshControlChart,
  freshImprovingProject,
  freshPilot,
  freshProject,
  freshPromise,
  freshRelapsedProject,
  pilotInput,
  PROMISE_CHECKLIST,
} from "./world-improve";

// THE expected access, in one place: every server action and route handler of the app, keyed
// "file#export", with who may call it, how to build a valid call on an object of a given
// organization, and what an allowed call must have done. The matrix test discovers the exports
// itself and fails on any without an entry here (and on entries whose export is gone).
//
// Add an entry: `allow` as the permission table reads (lib/auth/permissions.ts); `prepare`
// makes the object the call uses up, in the organization it is given (own or other); `input`
// builds the call; `effect` asserts what it did. A refusal must change nothing — the runner
// checks that for every refused cell, and for every allowed one that the other organization's
// rows are untouched.

const EDITORS = roles("ADMIN", "MANAGER");
const EVERY_ROLE = roles("ADMIN", "MANAGER", "FRONTLINE", "EXECUTIVE");
const LOGGERS = roles("ADMIN", "MANAGER", "FRONTLINE");
let unique = 0;
/** The follow-up age the last allowed call set, for its effect to find. */
let lastFollowUpAge = 0;
const name = (label: string) => `${label} ${++unique}`;
const gone = async (count: Promise<number>) => expect(await count).toBe(0);
const versionOnly = async (org: Parameters<typeof journeyVersion>[0]) => ({
  version: await journeyVersion(org),
});
const versioned =
  <T extends object>(make: (org: Parameters<typeof journeyVersion>[0]) => Promise<T>) =>
  async (org: Parameters<typeof journeyVersion>[0]) => {
    const made = await make(org);
    return { ...made, version: await journeyVersion(org) };
  };
const freshStageAndVersion = versioned(freshStage);
const freshTouchpointAndVersion = versioned(freshTouchpoint);

export const ACCESS_TABLE: Record<string, TRule> = {
  // --- Sign-in, language, sign-out ------------------------------------------------------------
  "app/(auth)/login/actions.ts#signInAction": publicly({
    why: "the sign-in form: a wrong password never yields a session, whoever asks",
    check: checkSignIn,
  }),
  "app/(auth)/login/actions.ts#startSsoAction": publicly({
    why: "Sign in with SSO: sends the browser to a provider; only the provider's answer can sign in",
    check: checkStartSso,
  }),
  "app/(auth)/sso/callback/route.ts#GET": publicly({
    why: "the identity provider's return: signs in only with the provider's proof and the flow's sealed cookie",
    check: checkSsoCallback,
  }),
  "app/actions.ts#setLocaleAction": publicly({
    why: "the language switch: sets a cookie, and saves the language of the signed-in user only",
    check: checkSetLocale,
  }),
  "app/actions.ts#signOutAction": publicly({
    why: "signing out: ends the caller's own session cookie and changes nothing stored",
    check: checkSignOut,
  }),
  "app/actions.ts#signOutEverywhereAction": publicly({
    why: "ends every session of the caller only; without a session it changes nothing",
    check: checkSignOutEverywhere,
  }),

  // --- Accounts: setup, invitations, passwords -------------------------------------------------
  "app/(auth)/setup/actions.ts#setupAction": publicly({
    why: "first-run setup: only the one-time setup token creates anything, and only before any organization exists",
    check: checkSetup,
  }),
  "app/(auth)/invite/[token]/actions.ts#acceptInvitationAction": publicly({
    why: "the invitation page: the single-use link is the credential, and it names the organization",
    check: checkAcceptInvitation,
  }),
  "app/(auth)/reset-password/[token]/actions.ts#resetPasswordAction": publicly({
    why: "the reset page: the single-use link is the credential",
    check: checkResetPassword,
  }),
  "app/(auth)/forgot-password/actions.ts#forgotPasswordAction": publicly({
    why: "forgot password: answers the same for every address, and mails only the account's owner",
    check: checkForgotPassword,
  }),
  "app/(app)/account/actions.ts#changeOwnPasswordAction": publicly({
    why: "every signed-in user changes their own password (the current one required); nobody else's",
    check: checkChangeOwnPassword,
  }),

  // --- Define: journeys, stages, touchpoints, expectations, segments ---------------------------
  "app/(app)/journeys/actions.ts#createJourneyAction": action({
    allow: EDITORS,
    input: () => ({ nameEn: name("New journey") }),
    crossOrg: { notApplicable: "creates a journey in the caller's organization; names no object" },
    effect: async ({ data, org }) =>
      expect(
        await db.journey.count({
          where: { id: (data as { id: string }).id, organizationId: org.id },
        }),
      ).toBe(1),
  }),
  "app/(app)/journeys/actions.ts#createJourneyFromTemplateAction": action({
    allow: EDITORS,
    input: () => ({ templateKey: "hilton-hotel-stay" }),
    crossOrg: { notApplicable: "templates ship with the app and belong to no organization" },
    effect: async ({ data, org }) =>
      expect(
        await db.journey.count({
          where: {
            id: (data as { id: string }).id,
            organizationId: org.id,
            templateKey: "hilton-hotel-stay",
          },
        }),
      ).toBe(1),
  }),
  "app/(app)/journeys/actions.ts#importJourneyAction": action({
    allow: EDITORS,
    input: () => ({
      format: "json",
      content: JSON.stringify({
        nameEn: name("Imported"),
        stages: [{ nameEn: "Only", touchpoints: [touchpointInput("Only")] }],
      }),
    }),
    crossOrg: {
      notApplicable:
        "a journey file holds names, not ids; segments are matched by name within the caller's organization (journey-access.int.test.ts)",
    },
    effect: async ({ data, org }) => {
      expect(data).toMatchObject({ ok: true });
      expect(
        await db.journey.count({
          where: { id: (data as { id: string }).id, organizationId: org.id },
        }),
      ).toBe(1);
    },
  }),
  "app/(app)/journeys/[journeyId]/actions.ts#updateJourneyAction": action({
    allow: EDITORS,
    prepare: versionOnly,
    input: ({ version }, org) => ({
      journeyId: org.journey.journeyId,
      version,
      nameEn: `Journey ${org.key}`,
      description: name("Described"),
    }),
    effect: async ({ org, target }) =>
      expect(
        (await db.journey.findUniqueOrThrow({ where: { id: org.journey.journeyId } })).version,
      ).toBe(target.version + 1),
  }),
  "app/(app)/journeys/[journeyId]/actions.ts#setJourneyArchivedAction": action({
    allow: EDITORS,
    prepare: freshJourney,
    input: ({ journeyId }) => ({ journeyId, version: 1, isArchived: true }),
    effect: async ({ target }) =>
      expect(
        (await db.journey.findUniqueOrThrow({ where: { id: target.journeyId } })).archivedAt,
      ).not.toBeNull(),
  }),
  "app/(app)/journeys/[journeyId]/actions.ts#deleteJourneyAction": action({
    allow: EDITORS,
    prepare: freshArchivedJourney,
    input: (target) => target,
    effect: ({ target }) => gone(db.journey.count({ where: { id: target.journeyId } })),
  }),
  "app/(app)/journeys/[journeyId]/actions.ts#saveStageAction": action({
    allow: EDITORS,
    prepare: versionOnly,
    input: ({ version }, org) => ({
      journeyId: org.journey.journeyId,
      version,
      nameEn: name("Stage"),
    }),
    effect: async ({ data, org }) =>
      expect(
        await db.stage.count({
          where: { id: (data as { id: string }).id, journeyId: org.journey.journeyId },
        }),
      ).toBe(1),
  }),
  "app/(app)/journeys/[journeyId]/actions.ts#deleteStageAction": action({
    allow: EDITORS,
    prepare: freshStageAndVersion,
    input: ({ stageId, version }, org) => ({ journeyId: org.journey.journeyId, version, stageId }),
    effect: ({ target }) => gone(db.stage.count({ where: { id: target.stageId } })),
  }),
  "app/(app)/journeys/[journeyId]/actions.ts#saveTouchpointAction": action({
    allow: EDITORS,
    prepare: versionOnly,
    input: ({ version }, org) => ({
      journeyId: org.journey.journeyId,
      version,
      stageId: org.journey.returning,
      ...touchpointInput(name("Touchpoint")),
    }),
    effect: async ({ data, org }) =>
      expect(
        await db.touchpoint.count({
          where: { id: (data as { id: string }).id, organizationId: org.id },
        }),
      ).toBe(1),
  }),
  "app/(app)/journeys/[journeyId]/actions.ts#setMomentOfTruthAction": action({
    allow: EDITORS,
    prepare: freshTouchpointAndVersion,
    input: ({ touchpointId, version }, org) => ({
      journeyId: org.journey.journeyId,
      version,
      touchpointId,
      isMoT: true,
    }),
    effect: async ({ target }) =>
      expect(
        (await db.touchpoint.findUniqueOrThrow({ where: { id: target.touchpointId } })).isMoT,
      ).toBe(true),
  }),
  "app/(app)/journeys/[journeyId]/actions.ts#deleteTouchpointAction": action({
    allow: EDITORS,
    prepare: freshTouchpointAndVersion,
    input: ({ touchpointId, version }, org) => ({
      journeyId: org.journey.journeyId,
      version,
      touchpointId,
    }),
    effect: ({ target }) => gone(db.touchpoint.count({ where: { id: target.touchpointId } })),
  }),
  "app/(app)/journeys/[journeyId]/actions.ts#saveJourneyLayoutAction": action({
    allow: EDITORS,
    prepare: reversedLayout,
    input: (layout) => layout,
    effect: async ({ target }) =>
      expect(
        (await db.stage.findUniqueOrThrow({ where: { id: target.stages[0]!.stageId } })).position,
      ).toBe(0),
  }),
  "app/(app)/journeys/[journeyId]/actions.ts#saveExpectationAction": action({
    allow: EDITORS,
    prepare: freshSegment,
    input: ({ segmentId }, org) => ({
      touchpointId: org.journey.mot,
      segmentId,
      needs: "Quick answers",
      expectedLevel: 5,
    }),
    effect: async ({ target }) =>
      expect(await db.expectation.count({ where: { segmentId: target.segmentId } })).toBe(1),
  }),
  "app/(app)/journeys/[journeyId]/actions.ts#deleteExpectationAction": action({
    allow: EDITORS,
    prepare: freshExpectation,
    input: (target) => target,
    effect: ({ target }) => gone(db.expectation.count({ where: { segmentId: target.segmentId } })),
  }),
  "app/(app)/journeys/segments/actions.ts#saveSegmentAction": action({
    allow: EDITORS,
    prepare: freshSegment,
    input: ({ segmentId }) => ({ segmentId, nameEn: "Renamed segment" }),
    effect: async ({ target }) =>
      expect((await db.segment.findUniqueOrThrow({ where: { id: target.segmentId } })).nameEn).toBe(
        "Renamed segment",
      ),
  }),
  "app/(app)/journeys/segments/actions.ts#deleteSegmentAction": action({
    allow: EDITORS,
    prepare: freshSegment,
    input: (target) => target,
    effect: ({ target }) => gone(db.segment.count({ where: { id: target.segmentId } })),
  }),
  "app/(app)/journeys/[journeyId]/export/route.ts#GET": route({
    allow: EVERY_ROLE,
    request: (_target, org) =>
      new Request(`${ORIGIN}/journeys/${org.journey.journeyId}/export?format=json`),
    context: (_target, org) => ({ params: Promise.resolve({ journeyId: org.journey.journeyId }) }),
    effect: async ({ data, org }) =>
      expect(await (data as Response).json()).toMatchObject({ nameEn: `Journey ${org.key}` }),
  }),

  // --- Measure: frontline logging, follow-ups, survey import, the ingestion API ----------------
  "app/(app)/frontline/actions.ts#recordObservationsAction": action({
    allow: LOGGERS,
    input: (_target, org) => ({
      observations: [
        {
          clientId: `matrix-${++unique}`,
          touchpointId: org.journey.mot,
          source: "FRONTLINE",
          observedAt: new Date().toISOString(),
          experiencedScore: 5,
        },
      ],
    }),
    // Another organization's touchpoint is an unknown reference of the batch (lib/observations/store.ts).
    crossOrg: { refusal: "VALIDATION" },
    effect: async ({ data, org, actor }) => {
      expect(data).toMatchObject({ created: 1 });
      expect(
        await db.observation.count({
          where: { organizationId: org.id, loggedById: actor!.id, clientId: `matrix-${unique}` },
        }),
      ).toBe(1);
    },
  }),
  "app/(app)/frontline/actions.ts#chooseJourneyAction": action({
    // Only a cookie on the device: harmless to any signed-in user, and the page reads the journey
    // through getFrontlineSetup, which ignores an id that is not the organization's.
    allow: EVERY_ROLE,
    input: (_target, org) => ({ journeyId: org.journey.journeyId }),
    crossOrg: {
      notApplicable:
        "stores the id in a cookie only; getFrontlineSetup (organization-scoped) ignores another organization's id",
    },
    effect: async ({ org }) =>
      expect(cookieOf(FRONTLINE_JOURNEY_COOKIE)).toBe(org.journey.journeyId),
  }),
  "app/(app)/follow-ups/actions.ts#closeFollowUpAction": action({
    allow: LOGGERS,
    prepare: freshFollowUp,
    input: ({ followUpId }) => ({ followUpId, resolution: "Called the customer back" }),
    effect: async ({ target }) =>
      expect(
        (await db.followUp.findUniqueOrThrow({ where: { id: target.followUpId } })).status,
      ).toBe("CLOSED"),
  }),
  "app/(app)/follow-ups/actions.ts#saveFollowUpSettingsAction": action({
    allow: EDITORS,
    input: () => ({ maxAgeDays: (lastFollowUpAge = 30 + (++unique % 300)) }),
    crossOrg: {
      notApplicable: "sets the caller's own organization's follow-up age; names no object",
    },
    effect: async ({ org }) =>
      expect(
        (
          await db.organization.findUniqueOrThrow({
            where: { id: org.id },
            select: { followUpMaxAgeDays: true },
          })
        ).followUpMaxAgeDays,
      ).toBe(lastFollowUpAge),
  }),
  "app/(app)/measure/import/actions.ts#saveImportMappingAction": action({
    allow: EDITORS,
    prepare: freshImportMapping,
    input: ({ mappingId }, org) => ({
      mappingId,
      name: name("Renamed mapping"),
      mapping: importMappingOf(org),
    }),
    effect: async ({ target }) =>
      expect(
        (await db.importMapping.findUniqueOrThrow({ where: { id: target.mappingId } })).name,
      ).toMatch(/^Renamed mapping/),
  }),
  "app/(app)/measure/import/actions.ts#deleteImportMappingAction": action({
    allow: EDITORS,
    prepare: freshImportMapping,
    input: (target) => target,
    effect: ({ target }) => gone(db.importMapping.count({ where: { id: target.mappingId } })),
  }),
  "app/(app)/measure/import/preview/route.ts#POST": route({
    allow: EDITORS,
    request: (_target, org) => surveyUpload("/measure/import/preview", org),
    effect: async ({ data }) =>
      expect(await (data as Response).json()).toMatchObject({
        ok: true,
        data: { counts: { rows: 1, valid: 1 } },
      }),
  }),
  "app/(app)/measure/import/run/route.ts#POST": route({
    allow: EDITORS,
    request: (_target, org) => surveyUpload("/measure/import/run", org),
    read: outcomeOfImportStream,
    effect: async ({ data, org }) => {
      const { importId } = data as { importId: string };
      expect(
        await db.surveyImport.count({
          where: { id: importId, organizationId: org.id, status: "COMPLETED" },
        }),
      ).toBe(1);
    },
  }),
  "app/api/v1/observations/route.ts#POST": route({
    allow: ["API_KEY"],
    by: "apiKey",
    request: (_target, org) => apiObservationRequest(org, `api-matrix-${++unique}`),
    crossOrg: { refusal: "VALIDATION" },
    effect: async ({ org }) =>
      expect(
        await db.observation.count({
          where: {
            organizationId: org.id,
            apiKeyId: org.apiKey.id,
            clientId: `api-matrix-${unique}`,
          },
        }),
      ).toBe(1),
  }),
  "app/api/v1/openapi.yaml/route.ts#GET": publicly({
    why: "the API's description, public on purpose: it holds no secret",
    check: checkOpenApi,
  }),
  "app/api/auth/[...nextauth]/route.ts#GET": publicly({
    why: "Auth.js: the session endpoint tells each caller its own identity and nobody else's",
    check: checkAuthSession,
  }),
  "app/api/auth/[...nextauth]/route.ts#POST": publicly({
    why: "Auth.js: a credentials sign-in posted without its CSRF token (another site's form) gets no session",
    check: checkAuthCallbackWithoutCsrf,
  }),

  // --- Analyze ---------------------------------------------------------------------------------
  "app/(app)/analyze/actions.ts#openAnalysisAction": action({
    allow: EDITORS,
    prepare: freshTouchpoint,
    input: (target) => target,
    effect: async ({ target, org }) =>
      expect(
        await db.projectTouchpoint.count({
          where: { touchpointId: target.touchpointId, organizationId: org.id },
        }),
      ).toBe(1),
  }),
  "app/(app)/analyze/actions.ts#saveCauseAction": action({
    allow: EDITORS,
    input: (_target, org) => ({
      projectId: org.projectId,
      dimension: "PRODUCT_SERVICE",
      description: name("Cause"),
      frequency: 4,
    }),
    effect: async ({ data, org }) =>
      expect(
        await db.projectCause.count({
          where: { id: (data as { id: string }).id, projectId: org.projectId },
        }),
      ).toBe(1),
  }),
  "app/(app)/analyze/actions.ts#deleteCauseAction": action({
    allow: EDITORS,
    prepare: freshCause,
    input: (target) => target,
    effect: ({ target }) => gone(db.projectCause.count({ where: { id: target.causeId } })),
  }),
  "app/(app)/analyze/actions.ts#saveOptionAction": action({
    allow: EDITORS,
    input: (_target, org) => ({ projectId: org.projectId, description: name("Option") }),
    effect: async ({ data, org }) =>
      expect(
        await db.projectOption.count({
          where: { id: (data as { id: string }).id, projectId: org.projectId },
        }),
      ).toBe(1),
  }),
  "app/(app)/analyze/actions.ts#chooseOptionAction": action({
    allow: EDITORS,
    prepare: freshOption,
    input: (target) => target,
    effect: async ({ target }) =>
      expect(
        (await db.projectOption.findUniqueOrThrow({ where: { id: target.optionId } })).isChosen,
      ).toBe(true),
  }),
  "app/(app)/analyze/actions.ts#deleteOptionAction": action({
    allow: EDITORS,
    prepare: freshOption,
    input: (target) => target,
    effect: ({ target }) => gone(db.projectOption.count({ where: { id: target.optionId } })),
  }),

  // --- Improve: projects, their plan, pilots -----------------------------------------------------
  "app/(app)/improve/actions.ts#createProjectAction": action({
    allow: EDITORS,
    input: (_target, org) => ({ title: name("Project"), touchpointIds: [org.journey.mot] }),
    effect: async ({ data, org }) =>
      expect(
        await db.improvementProject.count({
          where: { id: (data as { id: string }).id, organizationId: org.id, phase: "DEFINE" },
        }),
      ).toBe(1),
  }),
  "app/(app)/improve/actions.ts#updateProjectAction": action({
    allow: EDITORS,
    prepare: freshProject,
    input: (target) => ({ ...target, title: "Renamed project" }),
    effect: async ({ target }) =>
      expect(
        (await db.improvementProject.findUniqueOrThrow({ where: { id: target.projectId } })).title,
      ).toBe("Renamed project"),
  }),
  "app/(app)/improve/actions.ts#moveProjectPhaseAction": action({
    allow: EDITORS,
    prepare: freshProject,
    input: (target) => ({ ...target, phase: "MEASURE" }),
    effect: async ({ target }) =>
      expect(
        (await db.improvementProject.findUniqueOrThrow({ where: { id: target.projectId } })).phase,
      ).toBe("MEASURE"),
  }),
  "app/(app)/improve/actions.ts#setProjectStatusAction": action({
    allow: EDITORS,
    prepare: freshProject,
    input: (target) => ({ ...target, status: "ON_HOLD" }),
    effect: async ({ target }) =>
      expect(
        (await db.improvementProject.findUniqueOrThrow({ where: { id: target.projectId } })).status,
      ).toBe("ON_HOLD"),
  }),
  "app/(app)/improve/actions.ts#saveActionItemAction": action({
    allow: EDITORS,
    prepare: freshProject,
    input: ({ projectId }) => ({
      projectId,
      dimension: "FRONTLINE_STAFF",
      description: name("Action"),
    }),
    effect: async ({ data, target }) =>
      expect(
        await db.actionItem.count({
          where: { id: (data as { id: string }).id, projectId: target.projectId },
        }),
      ).toBe(1),
  }),
  "app/(app)/improve/actions.ts#setActionItemStatusAction": action({
    allow: EDITORS,
    prepare: freshActionItem,
    input: (target) => ({ ...target, status: "DONE" }),
    effect: async ({ target }) =>
      expect(
        (await db.actionItem.findUniqueOrThrow({ where: { id: target.actionItemId } })).status,
      ).toBe("DONE"),
  }),
  "app/(app)/improve/actions.ts#deleteActionItemAction": action({
    allow: EDITORS,
    prepare: freshActionItem,
    input: (target) => target,
    effect: ({ target }) => gone(db.actionItem.count({ where: { id: target.actionItemId } })),
  }),
  "app/(app)/improve/actions.ts#createPilotAction": action({
    allow: EDITORS,
    prepare: freshImprovingProject,
    input: (target, org) => pilotInput(org, target),
    effect: async ({ data, target }) =>
      expect(
        await db.pilot.count({
          where: { id: (data as { id: string }).id, projectId: target.projectId },
        }),
      ).toBe(1),
  }),
  "app/(app)/improve/actions.ts#readPilotBaselineAction": action({
    // A read (project:read): the pilot form's power analysis for a start day in the past.
    allow: roles("ADMIN", "MANAGER", "EXECUTIVE"),
    prepare: freshImprovingProject,
    input: (target) => ({ ...target, startDay: dayFromToday(-10) }),
    effect: async ({ data, target }) =>
      expect(data).toMatchObject({ touchpointId: target.touchpointId, to: dayFromToday(-11) }),
  }),
  "app/(app)/improve/actions.ts#decidePilotAction": action({
    allow: EDITORS,
    prepare: freshPilot,
    input: ({ pilotId }) => ({
      pilotId,
      decision: "NO_ROLLOUT",
      note: "The difference was too small to act on",
    }),
    effect: async ({ target }) =>
      expect((await db.pilot.findUniqueOrThrow({ where: { id: target.pilotId } })).decision).toBe(
        "NO_ROLLOUT",
      ),
  }),
  "app/(app)/improve/actions.ts#deletePilotAction": action({
    allow: EDITORS,
    prepare: freshPilot,
    input: (target) => target,
    effect: ({ target }) => gone(db.pilot.count({ where: { id: target.pilotId } })),
  }),

  // --- Control -----------------------------------------------------------------------------------
  "app/(app)/control/actions.ts#createControlChartAction": action({
    allow: EDITORS,
    prepare: freshTouchpoint,
    input: ({ touchpointId }) => chartInput(touchpointId),
    effect: async ({ data, org }) =>
      expect(
        await db.controlChart.count({
          where: { id: (data as { id: string }).id, organizationId: org.id },
        }),
      ).toBe(1),
  }),
  "app/(app)/control/actions.ts#updateControlChartAction": action({
    allow: EDITORS,
    prepare: freshControlChart,
    input: ({ chartId }) => ({
      chartId,
      subgroup: "WEEK",
      baselineFrom: dayFromToday(-50),
      baselineTo: dayFromToday(-31),
    }),
    effect: async ({ target }) =>
      expect(
        (await db.controlChart.findUniqueOrThrow({ where: { id: target.chartId } })).subgroup,
      ).toBe("WEEK"),
  }),
  "app/(app)/control/actions.ts#deleteControlChartAction": action({
    allow: EDITORS,
    prepare: freshControlChart,
    input: ({ chartId }) => ({ chartId }),
    effect: ({ target }) => gone(db.controlChart.count({ where: { id: target.chartId } })),
  }),
  "app/(app)/control/actions.ts#reopenProjectAction": action({
    allow: EDITORS,
    prepare: freshRelapsedProject,
    input: (target) => target,
    effect: async ({ target }) =>
      expect(
        await db.improvementProject.findUniqueOrThrow({ where: { id: target.projectId } }),
      ).toMatchObject({ phase: "IMPROVE", status: "ACTIVE" }),
  }),

  // --- Service promises --------------------------------------------------------------------------
  "app/(app)/promises/actions.ts#savePromiseAction": action({
    allow: EDITORS,
    prepare: freshPromise,
    input: ({ promiseId }) => ({
      promiseId,
      titleEn: "Renamed promise",
      checklistItems: PROMISE_CHECKLIST,
      auditEveryDays: 14,
    }),
    effect: async ({ target }) =>
      expect(
        (await db.servicePromise.findUniqueOrThrow({ where: { id: target.promiseId } }))
          .auditEveryDays,
      ).toBe(14),
  }),
  "app/(app)/promises/actions.ts#recordAuditAction": action({
    allow: EDITORS,
    prepare: freshPromise,
    input: ({ promiseId }, org) => ({
      promiseId,
      siteId: org.siteId,
      auditedAt: dayFromToday(0),
      checklist: PROMISE_CHECKLIST.map((item) => ({ item, passed: true })),
    }),
    effect: async ({ target }) =>
      expect(
        await db.promiseAudit.count({ where: { promiseId: target.promiseId, passed: true } }),
      ).toBe(1),
  }),

  // --- Administration --------------------------------------------------------------------------
  "app/(app)/admin/users/actions.ts#inviteUserAction": action({
    allow: roles("ADMIN"),
    input: () => ({ email: `matrix.${++unique}@test.moments`, role: "FRONTLINE", locale: "ko" }),
    crossOrg: { notApplicable: "invites into the caller's organization; names no object" },
    effect: async ({ data, org }) =>
      expect(
        await db.accountToken.count({
          where: {
            email: (data as { email: string }).email,
            organizationId: org.id,
            purpose: "INVITATION",
          },
        }),
      ).toBe(1),
  }),
  "app/(app)/admin/users/actions.ts#revokeInvitationAction": action({
    allow: roles("ADMIN"),
    prepare: freshInvitation,
    input: (target) => target,
    effect: async ({ target }) =>
      expect(
        (await db.accountToken.findUniqueOrThrow({ where: { id: target.invitationId } })).revokedAt,
      ).not.toBeNull(),
  }),
  "app/(app)/admin/users/actions.ts#issuePasswordResetAction": action({
    allow: roles("ADMIN"),
    prepare: (org) => freshUser(org),
    input: ({ userId }) => ({ userId }),
    effect: async ({ target }) =>
      expect(
        await db.accountToken.count({
          where: { userId: target.userId, purpose: "PASSWORD_RESET" },
        }),
      ).toBe(1),
  }),
  "app/(app)/admin/users/actions.ts#changeUserRoleAction": action({
    allow: roles("ADMIN"),
    prepare: (org) => freshUser(org),
    input: ({ userId }) => ({ userId, role: "MANAGER" }),
    effect: async ({ target }) =>
      expect((await db.user.findUniqueOrThrow({ where: { id: target.userId } })).role).toBe(
        "MANAGER",
      ),
  }),
  "app/(app)/admin/users/actions.ts#setUserActiveAction": action({
    allow: roles("ADMIN"),
    prepare: (org) => freshUser(org),
    input: ({ userId }) => ({ userId, isActive: false }),
    effect: async ({ target }) =>
      expect((await db.user.findUniqueOrThrow({ where: { id: target.userId } })).isActive).toBe(
        false,
      ),
  }),
  "app/(app)/admin/api-keys/actions.ts#createApiKeyAction": action({
    allow: roles("ADMIN"),
    input: () => ({ name: name("Kiosk"), scopes: ["observations:write"] }),
    crossOrg: { notApplicable: "creates a key in the caller's organization; names no object" },
    effect: async ({ data, org }) =>
      expect(
        await db.apiKey.count({
          where: { id: (data as { id: string }).id, organizationId: org.id },
        }),
      ).toBe(1),
  }),
  "app/(app)/admin/api-keys/actions.ts#revokeApiKeyAction": action({
    allow: roles("ADMIN"),
    prepare: freshApiKey,
    input: (target) => target,
    effect: async ({ target }) =>
      expect(
        (await db.apiKey.findUniqueOrThrow({ where: { id: target.apiKeyId } })).revokedAt,
      ).not.toBeNull(),
  }),
  "app/(app)/admin/sso/actions.ts#saveSsoConnectionAction": action({
    allow: roles("ADMIN"),
    input: () => ({
      issuer: "https://login.example.com",
      clientId: "moments",
      clientSecret: "a-client-secret",
      domains: `sso-${++unique}.example.com`,
      defaultRole: "FRONTLINE",
      isEnabled: true,
    }),
    crossOrg: { notApplicable: "configures the caller's own organization; names no object" },
    effect: async ({ org }) =>
      expect(await db.ssoConnection.count({ where: { organizationId: org.id } })).toBe(1),
  }),
  "app/(app)/admin/audit/export/route.ts#GET": route({
    allow: roles("ADMIN"),
    request: () => new Request(`${ORIGIN}/admin/audit/export`),
    crossOrg: {
      notApplicable:
        "exports the caller's own organization's log; the filter takes no organization",
    },
    effect: async ({ data, org, world }) => {
      const csv = await (data as Response).text();
      expect(csv).toContain(org.users.MANAGER.email);
      expect(csv).not.toContain(world.b.users.MANAGER.email);
    },
  }),
};
