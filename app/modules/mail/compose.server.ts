// The words of e-mails, in the recipient's language.
import type { Delivery, NotificationKind } from "~/generated/prisma/enums";
import { DEFAULT_LOCALE, isLocale, type Locale, localName } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { formatDateTime } from "~/utils/format";
import { mailConfig } from "./config.server";

/** At most this many lines in one e-mail; the rest wait in the app. */
export const MAIL_ITEMS = 50;

export type MailItem = {
  kind: NotificationKind;
  createdAt: Date;
  actorName: string | null;
  idea: { id: number; title: string; stage: { nameLv: string; nameEn: string } | null };
};

export const mailLocale = (locale: string | null | undefined): Locale => (isLocale(locale) ? locale : DEFAULT_LOCALE);

function footer(t: (key: string, options?: Record<string, unknown>) => string, appUrl: string) {
  return ["--", t("mail.settings", { url: `${appUrl}/account#notifications` }), t("mail.automatic")].join("\n");
}

/** One e-mail for a person's notifications, grouped by idea (newest idea first, lines oldest first). */
export async function composeNotifications(kind: Delivery, recipient: { name: string; locale: string | null }, items: MailItem[], total = items.length) {
  const locale = mailLocale(recipient.locale);
  const t = await getFixedT(locale, "notifications");
  const { appUrl } = mailConfig();
  const byIdea = new Map<number, MailItem[]>();
  for (const item of [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())) {
    byIdea.set(item.idea.id, [...(byIdea.get(item.idea.id) ?? []), item]);
  }
  const blocks = [...byIdea.values()].map((group) => {
    const { idea } = group[0];
    const stage = idea.stage ? localName(locale, idea.stage) : null;
    const lines = [...group]
      .reverse()
      .map((item) => `  - ${t(`mail.lines.${item.kind}`)} (${[item.actorName, formatDateTime(locale, item.createdAt)].filter(Boolean).join(", ")})`);
    return [idea.title, ...(stage ? [t("mail.stage", { stage })] : []), `${appUrl}/ideas/${idea.id}`, ...lines].join("\n");
  });
  const subject =
    kind === "DIGEST"
      ? t("mail.digestSubject", { count: total })
      : total === 1
        ? `${t(`kinds.${items[0].kind}`)} ${items[0].idea.title}`
        : t("mail.instantSubject", { count: total });
  const more = total > items.length ? [t("mail.more", { count: total - items.length, url: `${appUrl}/notifications` })] : [];
  const text = [
    t("mail.greeting", { name: recipient.name }),
    t(kind === "DIGEST" ? "mail.digestIntro" : "mail.instantIntro"),
    ...blocks,
    ...more,
    footer(t, appUrl),
  ].join("\n\n");
  return { locale, subject, text };
}

/** The set-password e-mail; for someone who has not chosen a language, in Latvian and English. */
export async function composeSetPassword(recipient: { name: string; locale: string | null }, link: string, hours: number) {
  const locales: Locale[] = isLocale(recipient.locale) ? [recipient.locale] : ["lv", "en"];
  const parts = await Promise.all(
    locales.map(async (locale) => {
      const t = await getFixedT(locale, "notifications");
      return {
        subject: t("mail.setPasswordSubject"),
        text: [
          t("mail.greeting", { name: recipient.name }),
          t("mail.setPasswordBody", { hours, count: hours }),
          link,
          t("mail.setPasswordIgnore"),
          t("mail.automatic"),
        ].join("\n\n"),
      };
    }),
  );
  return {
    locale: locales[0],
    subject: parts.map((p) => p.subject).join(" / "),
    text: parts.map((p) => p.text).join("\n\n* * *\n\n"),
  };
}

/**
 * The notice that a person's password was changed (on /account, or with a set-password link): when,
 * from which address if known, and what to do if it was not them. For someone who has not chosen a
 * language, in Latvian and English.
 */
export async function composePasswordChanged(
  recipient: { name: string; email: string; locale: string | null },
  change: { how: "account" | "link"; at: Date; ip?: string | null },
) {
  const locales: Locale[] = isLocale(recipient.locale) ? [recipient.locale] : ["lv", "en"];
  const ip = change.ip && change.ip !== "unknown" ? change.ip : null;
  const parts = await Promise.all(
    locales.map(async (locale) => {
      const t = await getFixedT(locale, "notifications");
      const what = t(change.how === "link" ? "mail.passwordChangedByLink" : "mail.passwordChangedOnAccount", {
        email: recipient.email,
        when: formatDateTime(locale, change.at),
      });
      return {
        subject: t("mail.passwordChangedSubject"),
        text: [
          t("mail.greeting", { name: recipient.name }),
          ip ? `${what} ${t("mail.passwordChangedFrom", { ip })}` : what,
          t("mail.passwordChangedIfYou"),
          t("mail.passwordChangedIfNotYou"),
          t("mail.automatic"),
        ].join("\n\n"),
      };
    }),
  );
  return {
    locale: locales[0],
    subject: parts.map((p) => p.subject).join(" / "),
    text: parts.map((p) => p.text).join("\n\n* * *\n\n"),
  };
}
