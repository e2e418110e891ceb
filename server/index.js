// The production server: the application of server/app.js (Express with the Remix request handler,
// security headers, body limits, the refusal of state-changing requests from other sites, the probes
// and the metrics) on a port, the background work, JSON logs and a graceful shutdown: all in
// server/serve.js, here with the production build.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { main } from "./serve.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

await main({ loadBuild: () => import(pathToFileURL(path.join(root, "build", "index.js")).href) });
