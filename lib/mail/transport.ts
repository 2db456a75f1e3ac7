import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { deploymentEnv } from "@/lib/env";

// Outgoing mail through the SMTP server SMTP_URL names (nodemailer). Without SMTP_URL there is
// no mail: callers show the link to the admin instead.

export type TMail = { to: string; subject: string; text: string; html: string };

let transporter: Transporter | undefined;

export function isMailConfigured(): boolean {
  return Boolean(deploymentEnv().SMTP_URL);
}

export async function sendMail(mail: TMail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = deploymentEnv();
  if (!SMTP_URL) throw new Error("SMTP_URL is not set");
  transporter ??= nodemailer.createTransport(SMTP_URL);
  await transporter.sendMail({ from: MAIL_FROM, ...mail });
}
