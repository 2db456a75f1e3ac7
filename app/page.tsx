import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { homePathFor } from "@/components/app-shell/nav-items";

export default async function HomePage() {
  const user = await requireUser();
  redirect(homePathFor(user.role));
}
