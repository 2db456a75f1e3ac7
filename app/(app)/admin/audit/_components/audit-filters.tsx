import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import {
  actionSuggestions,
  type TAuditLogFilter,
  type TAuditLogFilterOptions,
} from "@/lib/audit/schemas";

/** A plain GET form: the filter lives in the URL, so a filtered view can be bookmarked and shared. */
export async function AuditFilters({
  filter,
  options,
}: {
  filter: TAuditLogFilter;
  options: TAuditLogFilterOptions;
}) {
  const t = await getTranslations("auditLog.filters");
  return (
    <form
      method="get"
      action="/admin/audit"
      className="flex h-fit flex-col gap-3 rounded-lg border border-neutral-200 bg-white p-4"
      data-testid="audit-filters"
    >
      <h2 className="font-medium">{t("title")}</h2>
      <Field label={t("action")} hint={t("actionHint")}>
        {({ id, describedBy }) => (
          <>
            <TextInput
              id={id}
              name="action"
              list={`${id}-suggestions`}
              defaultValue={filter.action}
              autoComplete="off"
              aria-describedby={describedBy}
            />
            <datalist id={`${id}-suggestions`}>
              {actionSuggestions(options.actions).map((action) => (
                <option key={action} value={action} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t("actor")}>
        {({ id }) => (
          <Select id={id} name="actor" defaultValue={filter.actorId ?? ""}>
            <option value="">{t("anyone")}</option>
            {options.actors.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} ({person.email})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("entityType")}>
        {({ id }) => (
          <Select id={id} name="entityType" defaultValue={filter.entityType ?? ""}>
            <option value="">{t("anyEntityType")}</option>
            {options.entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("entityId")}>
        {({ id }) => (
          <TextInput id={id} name="entity" defaultValue={filter.entityId} autoComplete="off" />
        )}
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Field label={t("from")}>
          {({ id }) => <TextInput id={id} name="from" type="date" defaultValue={filter.from} />}
        </Field>
        <Field label={t("to")}>
          {({ id }) => <TextInput id={id} name="to" type="date" defaultValue={filter.to} />}
        </Field>
      </div>
      <div className="flex items-center justify-between gap-2">
        <Button type="submit">{t("apply")}</Button>
        <Link href="/admin/audit" className="text-sm text-accent hover:underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
