"use client";
import { useLocale, useTranslations } from "next-intl";
import { Field, Select, TextInput } from "@/components/ui/field";
import { localized } from "@/lib/i18n/localized";
import type { TMappingDraft } from "@/lib/imports/draft";
import { OPTIONAL_COLUMN_FIELDS, type TImportChoices } from "@/lib/imports/schemas";
import { OBSERVATION_SOURCES, type TObservationSource } from "@/lib/observations/limits";

type TProps = {
  headers: string[];
  draft: TMappingDraft;
  onChange: (draft: TMappingDraft) => void;
  choices: TImportChoices;
  fieldErrors: Record<string, string[] | undefined>;
};

// Korea first (the source market), then every whole-hour offset.
const OFFSETS = [
  540,
  ...Array.from({ length: 27 }, (_, i) => (i - 12) * 60).filter((m) => m !== 540),
];
const formatOffset = (minutes: number) =>
  `${minutes < 0 ? "−" : "+"}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0")}:${String(Math.abs(minutes) % 60).padStart(2, "0")}`;

/** Which column of the file holds which observation field; every control is a select of the file's headers. */
export function MappingForm({ headers, draft, onChange, choices, fieldErrors }: TProps) {
  const t = useTranslations("imports");
  const locale = useLocale();
  const set = (patch: Partial<TMappingDraft>) => onChange({ ...draft, ...patch });
  const headerOptions = (emptyLabel: string) => (
    <>
      <option value="">{emptyLabel}</option>
      {headers.filter(Boolean).map((header) => (
        <option key={header} value={header}>
          {header}
        </option>
      ))}
    </>
  );
  const allTouchpoints = choices.journeys.flatMap((j) =>
    j.touchpoints.map((tp) => ({ ...tp, journey: localized(j, "name", locale) })),
  );

  return (
    <div className="flex flex-col gap-5" data-testid="mapping-form">
      <fieldset className="grid gap-3 md:grid-cols-3">
        <Field label={t("mapping.touchpointBy")}>
          {(ids) => (
            <Select
              id={ids.id}
              value={draft.touchpointBy}
              onChange={(e) =>
                set({ touchpointBy: e.target.value as TMappingDraft["touchpointBy"] })
              }
            >
              <option value="name">{t("mapping.byName")}</option>
              <option value="id">{t("mapping.byId")}</option>
              <option value="fixed">{t("mapping.byFixed")}</option>
            </Select>
          )}
        </Field>
        {draft.touchpointBy === "name" && (
          <Field label={t("mapping.journey")} errors={fieldErrors["mapping.touchpoint.journeyId"]}>
            {(ids) => (
              <Select
                id={ids.id}
                value={draft.journeyId}
                onChange={(e) => set({ journeyId: e.target.value })}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid}
              >
                <option value="">{t("mapping.choose")}</option>
                {choices.journeys.map((j) => (
                  <option key={j.id} value={j.id}>
                    {localized(j, "name", locale)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        {draft.touchpointBy !== "fixed" ? (
          <Field label={`${t("fields.touchpoint")} · ${t("mapping.column")}`}>
            {(ids) => (
              <Select
                id={ids.id}
                value={draft.touchpointColumn}
                onChange={(e) => set({ touchpointColumn: e.target.value })}
              >
                {headerOptions(t("mapping.choose"))}
              </Select>
            )}
          </Field>
        ) : (
          <Field
            label={t("mapping.touchpoint")}
            errors={fieldErrors["mapping.touchpoint.touchpointId"]}
          >
            {(ids) => (
              <Select
                id={ids.id}
                value={draft.touchpointId}
                onChange={(e) => set({ touchpointId: e.target.value })}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid}
              >
                <option value="">{t("mapping.choose")}</option>
                {allTouchpoints.map((tp) => (
                  <option key={tp.id} value={tp.id}>
                    {`${tp.journey} · ${localized(tp, "name", locale)}`}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
      </fieldset>

      <fieldset className="grid gap-3 md:grid-cols-3">
        <Field label={t("mapping.observedAtBy")}>
          {(ids) => (
            <Select
              id={ids.id}
              value={draft.observedAtBy}
              onChange={(e) =>
                set({ observedAtBy: e.target.value as TMappingDraft["observedAtBy"] })
              }
            >
              <option value="column">{t("mapping.dateColumn")}</option>
              <option value="fixed">{t("mapping.dateFixed")}</option>
            </Select>
          )}
        </Field>
        {draft.observedAtBy === "column" ? (
          <Field label={`${t("fields.observedAt")} · ${t("mapping.column")}`}>
            {(ids) => (
              <Select
                id={ids.id}
                value={draft.observedAtColumn}
                onChange={(e) => set({ observedAtColumn: e.target.value })}
              >
                {headerOptions(t("mapping.choose"))}
              </Select>
            )}
          </Field>
        ) : (
          <Field label={t("mapping.date")} errors={fieldErrors["mapping.observedAt.date"]}>
            {(ids) => (
              <TextInput
                id={ids.id}
                type="date"
                value={draft.date}
                onChange={(e) => set({ date: e.target.value })}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid}
              />
            )}
          </Field>
        )}
        <Field label={t("mapping.utcOffset")}>
          {(ids) => (
            <Select
              id={ids.id}
              value={draft.utcOffsetMinutes}
              onChange={(e) => set({ utcOffsetMinutes: Number(e.target.value) })}
            >
              {(OFFSETS.includes(draft.utcOffsetMinutes)
                ? OFFSETS
                : [draft.utcOffsetMinutes, ...OFFSETS]
              ).map((minutes) => (
                <option key={minutes} value={minutes}>
                  {t("mapping.utcOffsetOption", { offset: formatOffset(minutes) })}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </fieldset>

      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-neutral-800">
          {t("mapping.columnsHeading")}
        </legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {OPTIONAL_COLUMN_FIELDS.map((field) => (
            <Field
              key={field}
              label={t(`fields.${field}`)}
              hint={field === "responseId" ? t("mapping.responseIdHint") : undefined}
              errors={fieldErrors[`mapping.columns.${field}`]}
            >
              {(ids) => (
                <Select
                  id={ids.id}
                  data-field={field}
                  value={draft.columns[field]}
                  onChange={(e) => set({ columns: { ...draft.columns, [field]: e.target.value } })}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid}
                >
                  {headerOptions(t("mapping.notMapped"))}
                </Select>
              )}
            </Field>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="mb-2 text-sm font-semibold text-neutral-800">
          {t("mapping.defaultsHeading")}
        </legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SourceSelect value={draft.source} onChange={(source) => set({ source })} />
          <Field label={t("mapping.defaultSite")} errors={fieldErrors["mapping.defaults.siteId"]}>
            {(ids) => (
              <Select
                id={ids.id}
                value={draft.siteId}
                onChange={(e) => set({ siteId: e.target.value })}
              >
                <option value="">{t("mapping.noSite")}</option>
                {choices.sites.map((site) => (
                  <option key={site.id} value={site.id}>
                    {`${site.code} · ${site.name}`}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </fieldset>
    </div>
  );
}

function SourceSelect({
  value,
  onChange,
}: {
  value: TObservationSource;
  onChange: (source: TObservationSource) => void;
}) {
  const t = useTranslations("imports");
  const tSource = useTranslations("observationSources");
  return (
    <Field label={t("mapping.defaultSource")}>
      {(ids) => (
        <Select
          id={ids.id}
          value={value}
          onChange={(e) => onChange(e.target.value as TObservationSource)}
        >
          {OBSERVATION_SOURCES.map((source) => (
            <option key={source} value={source}>
              {tSource(source)}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
