import { createUserSession } from "~/utils/auth.server";

/** A complete brief, as the form posts it. */
export function fullBrief(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "submit",
    title: "Vienkāršāka pieteikšanās ģimenes ārsta apmeklējumam",
    summary: "Iedzīvotāji piesakās vizītei vienā solī, nevis zvanot vairākas reizes.",
    usersAffected: "Pacienti laukos, īpaši seniori ar ierobežotu interneta pieredzi.",
    problem: "Zvanot uz reģistratūru, pacienti gaida rindā līdz 40 minūtēm.",
    evidence: "Intervējām 12 pacientus; 9 no viņiem minēja zvanu rindas.",
    usersTalkedTo: "12",
    solution: "Atzvanīšanas pakalpojums: pacients atstāj numuru, reģistratūra atzvana.",
    expectedValue: "Mazāk neatbildētu zvanu, apmierinātāki pacienti.",
    firstTest: "Divas nedēļas vienā praksē ar papīra sarakstu.",
    partners: "Ģimenes ārstu asociācija, pašvaldība.",
    principles: "partner",
    ...overrides,
  };
}

export async function sessionCookieFor(userId: number) {
  return (await createUserSession(new Request("http://localhost/"), userId)).split(";")[0];
}

/** URLSearchParams from fields, with repeated keys for arrays (principles). */
export function formBody(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return body;
}
