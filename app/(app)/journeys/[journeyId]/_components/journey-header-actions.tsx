"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TJourneyMap } from "@/lib/journeys/schemas";
import type { TEditorActions } from "./editor-actions";

type TProps = {
  journey: TJourneyMap;
  canEdit: boolean;
  actions: Pick<
    TEditorActions,
    "updateJourneyAction" | "setJourneyArchivedAction" | "deleteJourneyAction"
  >;
};

/** Export for everyone who may read; rename, archive and restore for editors. */
export function JourneyHeaderActions({ journey, canEdit, actions }: TProps) {
  const t = useTranslations("journeyMap");
  const tc = useTranslations("common");
  const [isRenaming, setRenaming] = useState(false);
  const rename = useActionForm(actions.updateJourneyAction, {
    toInput: (data) => ({
      ...Object.fromEntries(data),
      journeyId: journey.id,
      version: journey.version,
    }),
    resetOnSuccess: false,
    onSuccess: () => setRenaming(false),
  });
  const archive = useActionForm(actions.setJourneyArchivedAction);
  const router = useRouter();
  const remove = useActionForm(actions.deleteJourneyAction, {
    onSuccess: () => router.push("/journeys"),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <a
        className="inline-flex min-h-10 items-center rounded-md border border-neutral-300 bg-white px-3 text-sm hover:bg-neutral-100"
        href={`/journeys/${journey.id}/export?format=csv`}
        download
      >
        {t("exportCsv")}
      </a>
      <a
        className="inline-flex min-h-10 items-center rounded-md border border-neutral-300 bg-white px-3 text-sm hover:bg-neutral-100"
        href={`/journeys/${journey.id}/export?format=json`}
        download
      >
        {t("exportJson")}
      </a>
      {canEdit && !journey.isArchived && (
        <Button variant="secondary" onClick={() => setRenaming(true)}>
          {t("editJourney")}
        </Button>
      )}
      {canEdit && (
        <Button
          variant={journey.isArchived ? "secondary" : "danger"}
          disabled={archive.isPending}
          onClick={() =>
            (journey.isArchived || window.confirm(t("confirmArchive"))) &&
            archive.submit({
              journeyId: journey.id,
              version: journey.version,
              isArchived: !journey.isArchived,
            })
          }
        >
          {journey.isArchived ? t("restore") : t("archive")}
        </Button>
      )}
      {canEdit && journey.isArchived && (
        <Button
          variant="danger"
          disabled={remove.isPending}
          onClick={() =>
            window.confirm(t("confirmDelete")) &&
            remove.submit({ journeyId: journey.id, version: journey.version })
          }
        >
          {t("deleteJourney")}
        </Button>
      )}
      {(archive.error || remove.error) && (
        <Notice tone="error">{archive.error ?? remove.error}</Notice>
      )}
      {isRenaming && (
        <Dialog
          isOpen
          onClose={() => setRenaming(false)}
          title={t("editJourney")}
          closeLabel={tc("close")}
        >
          <form onSubmit={rename.onSubmit} className="flex flex-col gap-3" noValidate>
            {rename.error && <Notice tone="error">{rename.error}</Notice>}
            <Field label={t("nameKo")} errors={rename.errorsOf("nameKo")}>
              {(ids) => (
                <TextInput
                  id={ids.id}
                  name="nameKo"
                  lang="ko"
                  defaultValue={journey.nameKo}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid}
                />
              )}
            </Field>
            <Field label={t("nameEn")} errors={rename.errorsOf("nameEn")}>
              {(ids) => (
                <TextInput
                  id={ids.id}
                  name="nameEn"
                  lang="en"
                  defaultValue={journey.nameEn}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid}
                />
              )}
            </Field>
            <Field label={t("description")} errors={rename.errorsOf("description")}>
              {(ids) => (
                <TextArea
                  id={ids.id}
                  name="description"
                  defaultValue={journey.description}
                  aria-describedby={ids.describedBy}
                />
              )}
            </Field>
            <Button type="submit" disabled={rename.isPending}>
              {rename.isPending ? tc("saving") : tc("save")}
            </Button>
          </form>
        </Dialog>
      )}
    </div>
  );
}
