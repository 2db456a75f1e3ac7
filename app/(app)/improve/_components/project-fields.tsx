"use client";
import { useTranslations } from "next-intl";
import { Field, Select, TextArea, TextInput } from "@/components/ui/field";
import { MAX_TARGET_GAP } from "@/lib/projects/schemas";

export type TPerson = { id: string; name: string; canOwnProject: boolean };
type TProjectFieldValues = {
  title: string;
  problem: string;
  ownerId: string | null;
  targetGapClosed: number | null;
  targetCsatChange: number | null;
  dueDay: string | null;
};

type TProps = {
  people: TPerson[];
  values?: Partial<TProjectFieldValues>;
  errorsOf: (field: string) => string[] | undefined;
};

/** The project's charter: title, problem, owner, targets and due date (create and edit share it). */
export function ProjectFields({ people, values = {}, errorsOf }: TProps) {
  const t = useTranslations("improve.fields");
  return (
    <>
      <Field label={t("title")} errors={errorsOf("title")}>
        {({ id, describedBy, invalid }) => (
          <TextInput
            id={id}
            name="title"
            required
            maxLength={200}
            defaultValue={values.title}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <Field label={t("problem")} hint={t("problemHint")} errors={errorsOf("problem")}>
        {({ id, describedBy, invalid }) => (
          <TextArea
            id={id}
            name="problem"
            maxLength={2000}
            defaultValue={values.problem}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("owner")} errors={errorsOf("ownerId")}>
          {({ id, describedBy, invalid }) => (
            <Select
              id={id}
              name="ownerId"
              defaultValue={values.ownerId ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            >
              <option value="">{t("noOwner")}</option>
              {people
                .filter((p) => p.canOwnProject)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </Select>
          )}
        </Field>
        <Field label={t("dueDay")} errors={errorsOf("dueDay")}>
          {({ id, describedBy, invalid }) => (
            <TextInput
              id={id}
              name="dueDay"
              type="date"
              defaultValue={values.dueDay ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <Field
          label={t("targetGapClosed")}
          hint={t("targetGapClosedHint")}
          errors={errorsOf("targetGapClosed")}
        >
          {({ id, describedBy, invalid }) => (
            <TextInput
              id={id}
              name="targetGapClosed"
              type="number"
              inputMode="decimal"
              min={0.1}
              max={MAX_TARGET_GAP}
              step={0.1}
              defaultValue={values.targetGapClosed ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <Field
          label={t("targetCsatChange")}
          hint={t("targetCsatChangeHint")}
          errors={errorsOf("targetCsatChange")}
        >
          {({ id, describedBy, invalid }) => (
            <TextInput
              id={id}
              name="targetCsatChange"
              type="number"
              inputMode="decimal"
              min={1}
              max={100}
              step={1}
              defaultValue={values.targetCsatChange ?? ""}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
      </div>
    </>
  );
}

/** The charter fields of a form as the action's input ("" stays "", the schema reads it as "not set"). */
export function projectFieldsOf(data: FormData) {
  const text = (name: string) => String(data.get(name) ?? "");
  return {
    title: text("title"),
    problem: text("problem"),
    ownerId: text("ownerId"),
    targetGapClosed: text("targetGapClosed"),
    targetCsatChange: text("targetCsatChange"),
    dueDay: text("dueDay"),
  };
}
