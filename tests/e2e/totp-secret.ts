/** The demo administrator's authenticator secret in the browser tests' database (enrol-admin.ts enrols them; helpers.ts makes codes from it). */
export const E2E_TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
