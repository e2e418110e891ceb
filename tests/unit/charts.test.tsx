import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { BarChart } from "~/modules/dashboard/charts";

const bars = [{ label: "Izpēte", values: [3, 9] }];

test("a bar chart with two series says which bar is which; with one it needs no legend", () => {
  const two = renderToStaticMarkup(<BarChart id="t" title="Laiks posmā" description="Dienas" bars={bars} series={["Mediāna", "90. procentile"]} />);
  expect(two).toMatch(/<li[^>]*>.*Mediāna<\/li>/);
  expect(two).toMatch(/<li[^>]*>.*90\. procentile<\/li>/);
  const one = renderToStaticMarkup(<BarChart id="t" title="Idejas" description="Skaits" bars={[{ label: "Izpēte", values: [3] }]} series={["Idejas"]} />);
  expect(one).not.toMatch(/<li[ >]/);
});
