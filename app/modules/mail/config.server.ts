// E-mail settings, read from the environment each time they are needed (tests change them).
//   SMTP_URL     smtp://user:pass@host:587 or smtps://…; without it nothing is sent and nothing fails
//   MAIL_FROM    the sender, e.g. "Ideju laboratorija <idejas@example.lv>"
//   APP_URL      the address people open the app at, for links in e-mails
//   DIGEST_HOUR  the hour (0–23, lab time) from which the daily digest goes out; 8 unless set
export function mailConfig() {
  const env: Record<string, string | undefined> = process.env;
  const hour = Number(env.DIGEST_HOUR ?? 8);
  return {
    smtpUrl: env.SMTP_URL?.trim() || null,
    from: env.MAIL_FROM?.trim() || "Ideju laboratorija <ideju-laboratorija@localhost>",
    appUrl: (env.APP_URL?.trim() || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ""),
    digestHour: Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : 8,
  };
}
