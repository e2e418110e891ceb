// Configuration read from the environment, checked once.
const isProduction = process.env.NODE_ENV === "production";

function sessionSecret(): string {
  const secret = process.env.SESSION_SECRET;
  if (secret && secret.length >= 16) return secret;
  if (isProduction) {
    throw new Error(
      "SESSION_SECRET must be set (at least 16 characters) in production. Idea Lab refuses to start without it.",
    );
  }
  return "idea-lab-development-secret-not-for-production";
}

export const env = {
  isProduction,
  secureCookies: isProduction,
  sessionSecret: sessionSecret(),
};
