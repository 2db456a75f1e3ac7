"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { useMessage } from "@/components/ui/use-message";
import type { TJourneyMap, TStage } from "@/lib/journeys/schemas";
import type { TEditorActions } from "./editor-actions";

type TProps = {
  journey: TJourneyMap;
  stage?: TStage;
  actions: TEditorActions;
  onClose: () => void;
};

/** Adds a stage at the end of the journey, or renames / deletes one. */
export function StageDialog({ journey, stage, actions, onClose }: TProps) {
  const t = useTranslations("journeyMap");
  const tc = useTranslations("common");
  const message = useMessage();
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [isDeleting, startDeleting] = useTransition();
  const form = useActionForm(actions.saveStageAction, {
    toInput: (data) => ({
      ...Object.fromEntries(data),
      journeyId: journey.id,
      version: journey.version,
      stageId: stage?.id,
    }),
    onSuccess: onClose,
  });

  function remove() {
    if (!stage || !window.confirm(t("confirmDeleteStage", { count: stage.touchpoints.length })))
      return;
    startDeleting(async () => {
      const answer = await actions.deleteStageAction({
        journeyId: journey.id,
        version: journey.version,
        stageId: stage.id,
      } as never);
      if (answer.ok) onClose();
      else setDeleteError(message(answer.error));
    });
  }

  return (
    <Dialog
      isOpen
      onClose={onClose}
      title={stage ? t("editStageTitle") : t("addStage")}
      closeLabel={tc("close")}
    >
      <form
        onSubmit={form.onSubmit}
        className="flex flex-col gap-3"
        noValidate
        data-testid="stage-form"
      >
        {(form.error || deleteError) && <Notice tone="error">{form.error ?? deleteError}</Notice>}
        <Field label={t("nameKo")} errors={form.errorsOf("nameKo")}>
          {(ids) => (
            <TextInput
              id={ids.id}
              name="nameKo"
              lang="ko"
              defaultValue={stage?.nameKo}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid}
            />
          )}
        </Field>
        <Field label={t("nameEn")} errors={form.errorsOf("nameEn")}>
          {(ids) => (
            <TextInput
              id={ids.id}
              name="nameEn"
              lang="en"
              defaultValue={stage?.nameEn}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid}
            />
          )}
        </Field>
        <Field label={t("description")} errors={form.errorsOf("description")}>
          {(ids) => (
            <TextArea
              id={ids.id}
              name="description"
              defaultValue={stage?.description}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid}
            />
          )}
        </Field>
        <div className="mt-2 flex justify-between gap-2">
          {stage ? (
            <Button type="button" variant="danger" onClick={remove} disabled={isDeleting}>
              {t("deleteStage")}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" disabled={form.isPending}>
            {form.isPending ? tc("saving") : tc("save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
