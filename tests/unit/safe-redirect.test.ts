import { expect, test } from "vitest";
import { safeRedirect } from "~/utils/safe-redirect";

test.each([
  ["/ideas", "/ideas"],
  ["/ideas?q=ceļš#top", "/ideas?q=ce%C4%BC%C5%A1#top"],
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
