// The case exports of a closed idea: in the .md, every text people typed (the title, the brief, the
// closing note, the experiments, the institution's name) stays text, however hostile; the .json is
// served as JSON and never stored.
import { micromark } from "micromark";
import { beforeAll, expect, test } from "vitest";
import { loader as caseJsonLoader } from "~/routes/ideas.$id_.case[.]json";
import { loader as caseMdLoader } from "~/routes/ideas.$id_.case[.]md";
import { prisma } from "~/utils/db.server";
import { ideaInStage, validatedExperiment } from "../factories/idea";
import { getRequest } from "../factories/request";
import { run } from "../factories/route";
import { createUser, signedIn, type SignedIn } from "../factories/user";

const PAYLOADS = {
  title: "<script>alert(1)</script> [x](javascript:alert(1))",
  institution: "<img src=x onerror=alert(1)> ![](http://tracker.example/p.png)",
  summary: '![pikselis](https://tracker.example/p.png?who=me) <a href="javascript:alert(1)">šeit</a>',
  usersAffected: "[ref]\n\n[ref]: javascript:alert(1)",
  problem: "# Nav virsraksts\n> nav citāts\n- nav saraksts\n<iframe src=https://evil.example></iframe>",
  evidence: "<javascript:alert(1)> <http://evil.example> data:text/html;base64,PHNjcmlwdD4= vbscript:msgbox(1)",
  solution: "    nav koda bloks\n```\nnav kods\n```",
  partners: "&#106;avascript:alert(1) <svg onload=alert(1)>",
  firstTest: "[t](  javascript:alert(1)  ) www.evil.example vards@example.lv",
  closingNote: "<style>body{display:none}</style> **nav trekns**",
  hypothesis: "[h](javascript:alert('h')) <b onmouseover=alert(1)>h</b>",
  observed: "![o](http://evil.example/o.gif)",
  learned: "<details open ontoggle=alert(1)>",
};

let reader: SignedIn;
let ideaId: number;

beforeAll(async () => {
  reader = await signedIn("SUBMITTER");
  const author = await createUser();
  await prisma.institution.create({ data: { code: "XSS", nameLv: PAYLOADS.institution, nameEn: PAYLOADS.institution } });
  const idea = await ideaInStage("stopped", author.id, { title: "Droša ideja", institutionCode: "XSS", closingNote: PAYLOADS.closingNote });
  ideaId = idea.id;
  // The brief's texts as they could have been typed (the form takes any text within its lengths).
  await prisma.idea.update({
    where: { id: ideaId },
    data: {
      title: PAYLOADS.title,
      summary: PAYLOADS.summary,
      usersAffected: PAYLOADS.usersAffected,
      problem: PAYLOADS.problem,
      evidence: PAYLOADS.evidence,
      solution: PAYLOADS.solution,
      partners: PAYLOADS.partners,
      firstTest: PAYLOADS.firstTest,
    },
  });
  await validatedExperiment(ideaId, { result: "INVALIDATED", hypothesis: PAYLOADS.hypothesis, observed: PAYLOADS.observed, learned: PAYLOADS.learned });
});

test("the Markdown case: no HTML, link or image from anything people typed, and all of it still there as text", async () => {
  const response = await run(caseMdLoader, { request: getRequest(`/ideas/${ideaId}/case.md`, reader.cookie), params: { id: String(ideaId) } });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
  expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="idea-${ideaId}-case.md"`);
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  const markdown = response.data as string;

  // Rendered with HTML and every link scheme allowed, so that anything that got through would show.
  const html = micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });
  const elements = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
  expect([...elements].sort()).toEqual(["br", "h1", "h2", "li", "p", "strong", "ul"]);
  expect(html).not.toMatch(/<[^>]*\s(href|src|on[a-z]+)=/i);
  expect(markdown).not.toMatch(/(^|[^\\])(\]\(|!\[|<[a-z!/])/im);
  // One heading of the title, the sections' own headings, and the experiment's result the only bold.
  expect(html.match(/<h1>/g)).toHaveLength(1);
  expect([...html.matchAll(/<strong>([^<]*)<\/strong>/g)].every((m) => !m[1].includes("trekns"))).toBe(true);

  // Every payload is still there, character for character (white space aside).
  const text = html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, "");
  for (const [field, payload] of Object.entries(PAYLOADS)) expect(text, field).toContain(payload.replace(/\s+/g, ""));
});

test("the JSON case is served as JSON, as a download, never stored; its texts are the data as typed", async () => {
  const response = await run(caseJsonLoader, { request: getRequest(`/ideas/${ideaId}/case.json`, reader.cookie), params: { id: String(ideaId) } });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
  expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="idea-${ideaId}-case.json"`);
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  const data = response.data as { title: string; institution: string; summary: string };
  expect(data).toMatchObject({ title: PAYLOADS.title, institution: PAYLOADS.institution, summary: PAYLOADS.summary });
});
