// Sending through SMTP with nodemailer. One transport per SMTP_URL, reused between messages.
import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import { mailConfig } from "./config.server";

let cached: { url: string; transporter: Transporter } | null = null;

function transporter(url: string) {
  if (cached?.url !== url) {
    cached?.transporter.close();
    cached = {
      url,
      transporter: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  return cached.transporter;
}

export type Mail = { to: string; subject: string; text: string };

/** Sends one message; throws if the SMTP server refuses it or cannot be reached. */
export async function sendMail(mail: Mail) {
  const { smtpUrl, from } = mailConfig();
  if (!smtpUrl) throw new Error("SMTP_URL is not set");
  await transporter(smtpUrl).sendMail({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    headers: { "Auto-Submitted": "auto-generated" },
  });
}

export function closeTransport() {
  cached?.transporter.close();
  cached = null;
}
