import { expect, test } from "vitest";
import { csvField, csvLine } from "~/utils/csv";

test.each([
  ['=HYPERLINK("https://evil.example","x")', '"\'=HYPERLINK(""https://evil.example"",""x"")"'],
  ["+37120000000", '"\'+37120000000"'],
  ["-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\""],
  ["@SUM(1,2)", '"\'@SUM(1,2)"'],
  ["\t=1+1", '"\'\t=1+1"'],
  ["\r=1+1", '"\'\r=1+1"'],
  ["-vards@example.lv", '"\'-vards@example.lv"'],
])("text a spreadsheet would run as a formula is written as text: %j", (value, expected) => {
  expect(csvField(value)).toBe(expected);
});

test("ordinary text and numbers are written as they are; commas, quotes and line breaks are quoted", () => {
  expect(csvField("Izpēte")).toBe("Izpēte");
  expect(csvField("a, b")).toBe('"a, b"');
  expect(csvField('teica "jā"')).toBe('"teica ""jā"""');
  expect(csvField(-3)).toBe("-3");
  expect(csvField(null)).toBe("");
  expect(csvLine(["=1", 2, "x"])).toBe('"\'=1",2,x\r\n');
});
