// Reference data (every start) and demo data (a new database outside production only).
// Run as `npm run db:seed`; `npm start` calls it through scripts/setup-db.ts.
import { pathToFileURL } from "node:url";
import type { Db } from "../app/utils/db.server";
import { hashPassword } from "../app/utils/password.server";
import { DEMO_PASSWORD } from "../app/utils/demo";
import { experimentSearchText } from "../app/modules/experiment/cards";
import type { EventType, IdeaStatus, NotificationKind } from "../app/generated/prisma/enums";
import { briefOf, searchTextOf } from "../app/modules/idea/brief";
import { rebuildStageCounts } from "../app/modules/board/stage-counts.server";
import { demoIdeas, type DemoIdea } from "./seed-data/demo-ideas";
import { DEMO_USERS, INSTITUTIONS, PRINCIPLES, STAGES } from "./seed-data/reference";

/** Creates what is missing; never overwrites what an administrator has renamed. Principles follow the declaration. */
export async function seedReference(db: Db) {
  for (const institution of INSTITUTIONS) {
    await db.institution.upsert({ where: { code: institution.code }, create: institution, update: {} });
  }
  for (const [index, principle] of PRINCIPLES.entries()) {
    await db.principle.upsert({
      where: { key: principle.key },
      create: { ...principle, position: index + 1 },
      update: { ...principle, position: index + 1 },
    });
  }
  for (const [index, stage] of STAGES.entries()) {
    await db.stage.upsert({ where: { key: stage.key }, create: { ...stage, position: index + 1 }, update: {} });
  }
}

const DAY = 24 * 60 * 60 * 1000;

/** The e-mail domain of a demo institution's people, for single sign-on: vmd.example.lv. */
export const demoDomain = (code: string) => `${code.toLowerCase()}.example.lv`;

/**
 * Single sign-on in the demo: a person at <code>.example.lv belongs to that institution (docs/sso.md,
 * the demo provider). Added to a demo database that has no domains yet (made before they existed).
 */
export async function seedDemoDomains(db: Db) {
  if ((await db.institutionDomain.count()) > 0) return;
  const institutions = await db.institution.findMany({ select: { id: true, code: true } });
  await db.institutionDomain.createMany({ data: institutions.map((i) => ({ domain: demoDomain(i.code), institutionId: i.id })) });
}

/** The demo users and ideas, with histories. Call only on a database with no users. */
export async function seedDemo(db: Db, now = new Date()) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const institutions = new Map((await db.institution.findMany()).map((i) => [i.code, i.id]));
  const principles = new Map((await db.principle.findMany()).map((p) => [p.key, p.id]));
  const stages = new Map((await db.stage.findMany()).map((s) => [s.key, s]));
  await seedDemoDomains(db);
  const users = new Map<string, number>();
  for (const u of DEMO_USERS) {
    const created = await db.user.create({
      data: {
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash,
        institutionId: institutions.get(u.institution)!,
        createdAt: new Date(now.getTime() - 400 * DAY),
      },
    });
    users.set(u.email, created.id);
  }
  const userId = (email: string) => {
    const id = users.get(email);
    if (!id) throw new Error(`Demo data names an unknown user: ${email}`);
    return id;
  };
  const submitters = DEMO_USERS.filter((u) => u.role === "SUBMITTER").map((u) => userId(u.email));
  const nextPosition = new Map<string, number>();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  await db.$transaction(async (tx) => {
    for (const [index, idea] of demoIdeas.entries()) {
      await seedIdea(tx as unknown as Db, idea, index);
    }
  });
  // The ideas were written directly, not moved by commands: the board's stage counts are counted afresh.
  await rebuildStageCounts(db);

  async function seedIdea(tx: Db, idea: DemoIdea, index: number) {
    const authorId = userId(idea.author);
    const created = ago(idea.daysAgo + 2);
    const submittedAt = idea.status === "DRAFT" ? null : ago(idea.daysAgo);
    const events: {
      type: EventType;
      at: Date;
      actorId: number | null;
      from?: string | null;
      to?: string | null;
      fromStatus?: IdeaStatus;
      toStatus?: IdeaStatus;
      internal?: boolean;
      data?: unknown;
    }[] = [];
    events.push({ type: "CREATED", at: created, actorId: authorId, toStatus: "DRAFT" });

    let stageKey: string | null = null;
    let stageEnteredAt: Date | null = null;
    let lastActivity = idea.status === "DRAFT" ? ago(idea.daysAgo) : submittedAt!;
    const facilitator = userId(idea.assignee ?? "facilitator@example.lv");
    if (submittedAt) {
      events.push({ type: "SUBMITTED", at: submittedAt, actorId: authorId, to: "submitted", fromStatus: "DRAFT", toStatus: "ACTIVE" });
      stageKey = "submitted";
      stageEnteredAt = submittedAt;
      const moves = idea.path.slice(1);
      // Stays of different lengths, as in real life, always ending before today.
      const step = Math.min(idea.daysAgo / (moves.length + 1), 6 + ((index * 7) % 29));
      let elapsed = 0;
      moves.forEach((to, i) => {
        elapsed += step * (0.5 + (((index + 3) * (i + 5)) % 10) / 10);
        const at = new Date(submittedAt.getTime() + Math.min(elapsed, idea.daysAgo - 1) * DAY);
        const closing = (to === "implemented" || to === "stopped") && i === moves.length - 1;
        events.push({ type: "MOVED", at, actorId: facilitator, from: stageKey, to, data: closing ? { closingNote: idea.closingNote } : undefined });
        stageKey = to;
        stageEnteredAt = at;
        lastActivity = at;
      });
      if (idea.assignee && moves.length > 0) {
        const at = new Date(submittedAt.getTime() + 0.5 * step * DAY);
        events.push({ type: "ASSIGNED", at, actorId: facilitator, data: { assigneeId: userId(idea.assignee) } });
      }
      const after = new Date(submittedAt.getTime() + Math.min(idea.daysAgo / 3, 5) * DAY);
      if (idea.status === "NEEDS_INFO") {
        events.push({
          type: "RETURNED",
          at: after,
          actorId: facilitator,
          from: "submitted",
          fromStatus: "ACTIVE",
          toStatus: "NEEDS_INFO",
          data: { question: idea.question },
        });
        stageKey = null;
        lastActivity = after;
      } else if (idea.status === "DECLINED") {
        events.push({
          type: "DECLINED",
          at: after,
          actorId: facilitator,
          from: "submitted",
          fromStatus: "ACTIVE",
          toStatus: "DECLINED",
          data: { reason: idea.declineReason },
        });
        stageKey = null;
        lastActivity = after;
      } else if (idea.status === "WITHDRAWN") {
        events.push({ type: "WITHDRAWN", at: after, actorId: authorId, from: "submitted", fromStatus: "ACTIVE", toStatus: "WITHDRAWN" });
        stageKey = null;
        lastActivity = after;
      }
    }

    const onBoard = idea.status === "ACTIVE" && stageKey;
    const stage = onBoard ? stages.get(stageKey!)! : null;
    let position: number | null = null;
    if (stage) {
      position = (nextPosition.get(stage.key) ?? 0) + 1000;
      nextPosition.set(stage.key, position);
    }
    const closed = stage && (stage.kind === "CLOSED_SUCCESS" || stage.kind === "CLOSED_STOPPED");
    const row = await tx.idea.create({
      data: {
        title: idea.title,
        ...briefOf(idea),
        // The demo ideas are written in Latvian.
        language: "lv",
        searchText: searchTextOf(idea),
        status: idea.status,
        stageId: stage?.id ?? null,
        position,
        authorId,
        institutionId: institutions.get(idea.institution)!,
        assigneeId: idea.assignee && stage && stage.key !== "submitted" ? userId(idea.assignee) : null,
        returnQuestion: idea.status === "NEEDS_INFO" ? (idea.question ?? null) : null,
        declineReason: idea.status === "DECLINED" ? (idea.declineReason ?? null) : null,
        closingNote: closed ? (idea.closingNote ?? null) : null,
        createdAt: created,
        submittedAt,
        stageEnteredAt: stage ? stageEnteredAt : null,
        closedAt: closed ? stageEnteredAt : null,
        lastActivityAt: lastActivity,
        principles: {
          create: idea.principles.map((key) => ({
            principleId: principles.get(key)!,
            confirmed: !!stage && stage.key !== "submitted",
          })),
        },
      },
    });

    for (const experiment of idea.experiments ?? []) {
      const startsOn = ago(experiment.startsDaysAgo);
      const endsOn = new Date(startsOn.getTime() + experiment.durationDays * DAY);
      const completedAt = experiment.status === "COMPLETED" ? (endsOn < now ? endsOn : now) : null;
      // A planned experiment may start in the future; it was written down before that.
      const createdAt = startsOn < now ? startsOn : ago(1);
      await tx.experiment.create({
        data: {
          ideaId: row.id,
          hypothesis: experiment.hypothesis,
          method: experiment.method,
          methodType: experiment.methodType,
          metric: experiment.metric,
          successCriterion: experiment.successCriterion,
          startsOn,
          endsOn,
          status: experiment.status,
          participants: experiment.participants,
          observed: experiment.observed ?? null,
          learned: experiment.learned ?? null,
          result: experiment.result ?? null,
          evidenceStrength: experiment.evidenceStrength ?? null,
          decision: experiment.decision ?? null,
          searchText: experimentSearchText(idea.title, experiment),
          createdById: facilitator,
          createdAt,
          completedAt,
        },
      });
      events.push({ type: "EXPERIMENT_CREATED", at: createdAt, actorId: facilitator, data: { hypothesis: experiment.hypothesis } });
      if (completedAt) events.push({ type: "EXPERIMENT_COMPLETED", at: completedAt, actorId: facilitator, data: { result: experiment.result } });
    }

    for (const comment of idea.comments ?? []) {
      const at = ago(comment.daysAgo);
      await tx.comment.create({
        data: { ideaId: row.id, authorId: userId(comment.author), body: comment.body, internal: !!comment.internal, createdAt: at },
      });
      events.push({ type: "COMMENTED", at, actorId: userId(comment.author), internal: !!comment.internal });
    }

    if (idea.status !== "DRAFT") {
      // A few colleagues from other institutions have the same problem.
      const supporters = submitters.filter((id) => id !== authorId).slice(index % 4, (index % 4) + (index % 6));
      for (const supporter of supporters) {
        await tx.support.create({ data: { ideaId: row.id, userId: supporter, createdAt: submittedAt! } });
      }
    }

    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    await tx.event.createMany({
      data: events.map((e) => ({
        ideaId: row.id,
        actorId: e.actorId,
        type: e.type,
        fromStageId: e.from ? stages.get(e.from)!.id : null,
        toStageId: e.to ? stages.get(e.to)!.id : null,
        fromStatus: e.fromStatus ?? null,
        toStatus: e.toStatus ?? null,
        internal: e.internal ?? false,
        data: e.data === undefined ? null : JSON.stringify(e.data),
        createdAt: e.at,
      })),
    });
    // What the author was told in the last two weeks (read after three days); marked as already
    // e-mailed, so a new demo server does not send its history.
    const notifications = events.flatMap((e) => {
      if (e.actorId === authorId || e.at < ago(14)) return [];
      const closing = e.to ? ["CLOSED_SUCCESS", "CLOSED_STOPPED"].includes(stages.get(e.to)!.kind) : false;
      const kind: NotificationKind | null =
        e.type === "MOVED"
          ? closing
            ? "CLOSED"
            : "MOVED"
          : e.type === "RETURNED"
            ? "RETURNED"
            : e.type === "DECLINED"
              ? "DECLINED"
              : e.type === "COMMENTED" && !e.internal
                ? "COMMENT"
                : null;
      return kind
        ? [{ userId: authorId, kind, ideaId: row.id, actorId: e.actorId, createdAt: e.at, readAt: e.at < ago(3) ? ago(3) : null, mailedAt: e.at }]
        : [];
    });
    if (notifications.length) await tx.notification.createMany({ data: notifications });
    const latest = events.at(-1)!.at;
    if (latest > row.lastActivityAt) await tx.idea.update({ where: { id: row.id }, data: { lastActivityAt: latest } });
  }
}

/** Fills the search text of experiments recorded before it existed. */
export async function backfillSearchText(db: Db) {
  const rows = await db.experiment.findMany({
    where: { searchText: "" },
    select: { id: true, hypothesis: true, method: true, observed: true, learned: true, idea: { select: { title: true } } },
  });
  for (const e of rows) {
    await db.experiment.update({
      where: { id: e.id },
      data: { searchText: experimentSearchText(e.idea.title, e) },
    });
  }
}

async function main() {
  const { prisma } = await import("../app/utils/db.server");
  await seedReference(prisma);
  await backfillSearchText(prisma);
  const isProduction = process.env.NODE_ENV === "production";
  if (!isProduction && (await prisma.user.count()) === 0) {
    await seedDemo(prisma);
    const { rebuildFlowFigures } = await import("../app/modules/dashboard/dashboard.server");
    await rebuildFlowFigures();
    console.log(`Seeded demo data: ${await prisma.user.count()} users, ${await prisma.idea.count()} ideas.`);
  }
  await prisma.$disconnect();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
