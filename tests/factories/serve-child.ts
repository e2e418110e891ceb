// A server process for the shutdown test (tests/integration/shutdown.test.ts), started as a child
// with `node --import tsx`: server/serve.js's main, as server/index.js runs it, with the test build
// plus a slow route, and the app's real background work, readiness check and database.
import type { ServerBuild } from "@remix-run/node";
import { main } from "../../server/serve.js";
import { testBuild } from "./server";
import { startBackgroundJobs } from "~/modules/system/background.server";
import { metricsRegistry } from "~/modules/system/metrics.server";
import { checkReadiness, disconnectDatabase } from "~/utils/health.server";
import { oidcProviders } from "~/utils/oidc-config.server";
import { runWithRequestContext } from "~/utils/request-context.server";

/** GET /slow?ms=N answers 200 after N milliseconds (and says in the log that it has begun). */
const slow = {
  id: "routes/slow",
  parentId: "root",
  path: "slow",
  module: {
    loader: async ({ request }: { request: Request }) => {
      const ms = Number(new URL(request.url).searchParams.get("ms") ?? 1000);
      console.log(`slow request begun (${ms} ms)`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      return new Response(`slept ${ms}`);
    },
  },
};

const build = {
  ...testBuild,
  entry: {
    module: {
      ...testBuild.entry.module,
      startBackgroundJobs,
      checkReadiness,
      disconnectDatabase,
      metricsRegistry,
      runWithRequestContext,
      checkSignInProviders: oidcProviders,
    },
  },
  routes: { ...testBuild.routes, "routes/slow": slow },
} as unknown as ServerBuild;

await main({ loadBuild: async () => build });
