// Every namespace of one language: the browser loads only the page's language (utils/i18n.ts,
// loadTranslations); the server holds both (locales/index.ts).
import common from "./common.json";
import auth from "./auth.json";
import ideas from "./ideas.json";
import board from "./board.json";
import experiments from "./experiments.json";
import lessons from "./lessons.json";
import dashboard from "./dashboard.json";
import account from "./account.json";
import admin from "./admin.json";
import notifications from "./notifications.json";

export default { common, auth, ideas, board, experiments, lessons, dashboard, account, admin, notifications };
