"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { deleteImportMapping, saveImportMapping } from "@/lib/imports/mappings";
import { ZDeleteImportMappingInput, ZSaveImportMappingInput } from "@/lib/imports/schemas";

export const saveImportMappingAction = authedAction(
  ZSaveImportMappingInput,
  async (input, { user }) => {
    const saved = await saveImportMapping(user, input);
    revalidatePath("/measure/import");
    return saved;
  },
);

export const deleteImportMappingAction = authedAction(
  ZDeleteImportMappingInput,
  async (input, { user }) => {
    await deleteImportMapping(user, input);
    revalidatePath("/measure/import");
  },
);
