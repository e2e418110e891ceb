// Signing out: the session's row ends (the cookie alone would not be enough) and the audit log says so.
import { command } from "~/core/command.server";
import { ok } from "~/core/result";
import type { SessionUser } from "~/utils/auth.server";

/**
 * Ends the session. Signed in through a provider, it answers with the provider and the ID token, so
 * the person can be sent to sign out there too; the token goes with the session's row.
 */
export const signOut = command<{ sessionId: string | undefined }, { provider: string; idToken: string | null } | null, SessionUser | null>({
  permission: null,
  async run({ tx, actor, emit }, input) {
    const ended = input.sessionId
      ? await tx.session.findUnique({ where: { id: input.sessionId }, select: { idToken: true, identity: { select: { provider: true } } } })
      : null;
    if (input.sessionId) await tx.session.deleteMany({ where: { id: input.sessionId } });
    const provider = ended?.identity?.provider;
    if (actor)
      await emit({
        kind: "audit",
        action: "SIGN_OUT",
        actorId: actor.id,
        targetType: "USER",
        targetId: actor.id,
        ...(provider ? { after: { provider } } : {}),
      });
    return ok(provider ? { provider, idToken: ended.idToken } : null);
  },
});
