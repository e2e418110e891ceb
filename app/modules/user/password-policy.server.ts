// The password rule, wherever a password is set (/account, /set-password, scripts/create-user.ts):
//   - at least PASSWORD_MIN characters: the schemas say so, in the browser too;
//   - not common and not easy to guess: zxcvbn-ts (offline, with its common-password, English and
//     keyboard lists, Latvian words from password-words.server.ts, and the person's own name and
//     e-mail and the lab's name) must score it at least 3 of 4, i.e. estimate at least 10^8 guesses,
//     and the password's parts must reach that by themselves (see GUESSES_PER_EXTRA_PART).
// Only the server checks the second part: the lists are megabytes, which the browser does not need.
import type { DictionaryMatch, ZxcvbnFactory } from "@zxcvbn-ts/core";
import { errorMessage } from "~/utils/i18n";
import { PASSWORD_MIN } from "./account.schema";
import { APP_WORDS, LATVIAN_WORDS } from "./password-words.server";

/**
 * zxcvbn's scores: 2 is under 10^8 guesses, which a stolen hash gives up to a patient attacker even
 * with argon2; 3 is at least 10^8 (three unrelated words, or a sentence, pass); 4 (10^10) would turn
 * away too many passwords that are good enough behind the sign-in throttle.
 */
export const MIN_SCORE = 3;
/** The guesses at which zxcvbn's score reaches 3. */
const SCORE_3_GUESSES = 1e8;
/**
 * zxcvbn adds 10^4 guesses for every part of a password after the first, so any password of three
 * parts reaches 10^8, score 3, whatever the parts are ("Parole123456!" is "parole", "123456" and
 * "!"). The parts' own guesses must reach 10^8 without it.
 */
const GUESSES_PER_EXTRA_PART = 1e4;

/** A word without its diacritics: people often type "janvaris" for "janvāris". */
const plain = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "");

/**
 * zxcvbn judges the first 48 characters only. Its work grows faster than the length (a random
 * 256-character password took 2.4 s of CPU, 64 took 0.5 s), and a password whose first 48
 * characters are hard to guess is not made easier by what follows.
 */
export const JUDGED_LENGTH = 48;

// Built on first use (half a second, some 20 MB), then kept: most processes never set a password.
let factory: Promise<ZxcvbnFactory> | undefined;

async function load() {
  const [{ ZxcvbnFactory }, common, en] = await Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]);
  const latvian = [...new Set(LATVIAN_WORDS.flatMap((word) => [word, plain(word)]))];
  return new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary, latvian }, graphs: common.adjacencyGraphs, maxLength: JUDGED_LENGTH });
}

/** What a password must not lean on: the person's name and e-mail, and the lab's name. */
export function personalWords(person: { name?: string | null; email?: string | null }) {
  const words = new Set<string>();
  const add = (word: string) => {
    const lower = word.trim().toLowerCase();
    if (lower.length < 3) return;
    words.add(lower);
    words.add(plain(lower));
  };
  if (person.name) {
    add(person.name);
    add(person.name.replace(/\s+/g, ""));
    for (const part of person.name.split(/[\s.\-–]+/)) add(part);
  }
  if (person.email) {
    const [local, domain = ""] = person.email.split("@");
    add(local);
    for (const part of local.split(/[._+-]+/)) add(part);
    add(domain);
    for (const part of domain.split(".")) add(part);
  }
  for (const word of APP_WORDS) add(word);
  return [...words];
}

/**
 * Null when the password may be used; otherwise why not, as a validation message: too short, too
 * common (made of a common password or word), too personal (the person's name or e-mail, the lab's
 * name) or too easy to guess (repeats, sequences, keyboard rows, dates).
 */
export async function passwordProblem(password: string, person: { name?: string | null; email?: string | null }): Promise<string | null> {
  if (password.length < PASSWORD_MIN) return errorMessage("passwordTooShort", { min: PASSWORD_MIN });
  const zxcvbn = await (factory ??= load().catch((error: unknown) => {
    factory = undefined;
    throw error;
  }));
  const result = zxcvbn.check(password, personalWords(person));
  const ownGuesses = result.guesses - GUESSES_PER_EXTRA_PART ** (result.sequence.length - 1);
  if (result.score >= MIN_SCORE && ownGuesses >= SCORE_3_GUESSES) return null;
  const words = result.sequence.filter((match): match is DictionaryMatch => match.pattern === "dictionary");
  if (words.some((match) => match.dictionaryName === "userInputs")) return "passwordPersonal";
  if (words.length) return "passwordCommon";
  return "passwordGuessable";
}
