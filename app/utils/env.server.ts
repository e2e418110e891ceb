// Configuration read from the environment, checked once.
// Read at run time: the build replaces the literal `process.env.NODE_ENV` with "production", but
// whether this is a production deployment (secure cookies, a required secret, no demo data) is
// decided by the environment the server runs in.
const runtimeEnv: Record<string, string | undefined> = process.env;
// `npm start` runs the production build with IDEALAB_LOCAL=1 (server/local.js): production code on a
// workstation at http://localhost, so not a production deployment.
const isLocal = runtimeEnv.IDEALAB_LOCAL === "1";
const isProduction = runtimeEnv.NODE_ENV === "production" && !isLocal;

function sessionSecret(): string {
  const secret = runtimeEnv.SESSION_SECRET;
  if (secret && secret.length >= 16) return secret;
  if (isProduction) {
    throw new Error("SESSION_SECRET must be set (at least 16 characters) in production. Idea Lab refuses to start without it.");
  }
  return "idea-lab-development-secret-not-for-production";
}

export const env = {
  isProduction,
  secureCookies: isProduction,
  sessionSecret: sessionSecret(),
};
