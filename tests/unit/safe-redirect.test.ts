import { expect, test } from "vitest";
import { safeRedirect } from "~/utils/safe-redirect";

test.each([
  ["/ideas", "/ideas"],
  ["/ideas?q=ceļš#top", "/ideas?q=ce%C4%BC%C5%A1#top"],
  ["/board?open=stopped#card-12", "/board?open=stopped#card-12"],
  ["/ideas/../board", "/board"],
  ["https://evil.example", "/"],
  ["//evil.example", "/"],
  ["/\\evil.example", "/"],
  ["/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"],
  ["/\nfoo", "/"],
  ["ideas", "/"],
  ["", "/"],
  [null, "/"],
])("safeRedirect(%j) → %j", (input, expected) => {
  expect(safeRedirect(input)).toBe(expected);
});

// Open-redirect payloads as published lists give them (protocol-relative forms, dot segments that
// a browser resolves to "//host", encoded slashes and dots, backslashes, schemes, control
// characters). Whatever comes back must stay on this site when a browser follows it.
const PAYLOADS = [
  "/.//evil.example",
  "/./evil.example/..//evil.example",
  "/../evil.example/..//evil.example",
  "/..//evil.example",
  "/a/..//evil.example",
  "/a/b/../..//evil.example/login",
  "/%2e//evil.example",
  "/%2E//evil.example",
  "/%2e%2e//evil.example",
  "/.%2e//evil.example",
  "/./%2e/..//evil.example",
  "//evil.example/%2f..",
  "///evil.example",
  "////evil.example",
  "/\\/evil.example",
  "/\\\\evil.example",
  "\\\\evil.example",
  "\\/\\/evil.example",
  "/%5Cevil.example",
  "/%2F%2Fevil.example",
  "/%2f%2fevil.example",
  "https:evil.example",
  "http://evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/\t/evil.example",
  "/\r/evil.example",
  "/\u0000/evil.example",
  "/ /evil.example",
  "evil.example",
  "@evil.example",
  "/@evil.example",
  "/.evil.example",
  "/?next=//evil.example",
  "/#//evil.example",
  "/%09/evil.example",
  "/。evil.example",
  "/..;/evil.example",
];

test.each(PAYLOADS)("safeRedirect(%j) stays on the site", (payload) => {
  const target = safeRedirect(payload);
  expect(target.startsWith("/")).toBe(true);
  expect(target[1] === "/" || target[1] === "\\").toBe(false);
  // As a browser resolves a Location header against the page's address.
  expect(new URL(target, "https://lab.example/login").origin).toBe("https://lab.example");
  expect(new URL(target, "https://lab.example/a/b/").origin).toBe("https://lab.example");
});

test("the payloads the probe found are refused outright", () => {
  for (const payload of ["/.//evil.example", "/..//evil.example", "/a/..//evil.example", "/%2e//evil.example"])
    expect(safeRedirect(payload, "/board")).toBe("/board");
});
