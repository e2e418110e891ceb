// Latvian counts take three forms (CLDR: zero for 0, 10–20, 30…; one for 1, 21, 31… but not 11;
// other for the rest): "10 atbalstu", "1 atbalsts", "3 atbalsti". i18next picks them by Intl's rules.
import { expect, test } from "vitest";
import { getFixedT } from "~/utils/i18n.server";

test("counts on the board read as Latvian does", async () => {
  const t = await getFixedT("lv", "board");
  expect([0, 1, 3, 10, 11, 21].map((count) => t("card.supports", { count }))).toEqual([
    "0 atbalstu",
    "1 atbalsts",
    "3 atbalsti",
    "10 atbalstu",
    "11 atbalstu",
    "21 atbalsts",
  ]);
  expect([1, 2, 10].map((count) => t("column.count", { count }))).toEqual(["1 ideja", "2 idejas", "10 ideju"]);
  expect([1, 5, 30].map((count) => t("card.days", { count }))).toEqual(["1 diena posmā", "5 dienas posmā", "30 dienu posmā"]);
});
