// How search reads Latvian: folded words, their stems, the words similar ideas compare, and where a
// searched word is marked in a text (docs/decisions/0013-search-index.md).
import { describe, expect, test } from "vitest";
import { matchRanges, searchStems, searchWords, similarityStems, stemOf, SIMILAR_PREFIX } from "~/utils/text";

const marked = (text: string, query: string) => matchRanges(text, searchStems(query)).map(([a, b]) => text.slice(a, b));

describe("stems", () => {
  test("every case of a noun has one stem", () => {
    const forms = ["pakalpojums", "pakalpojuma", "pakalpojumu", "pakalpojumam", "pakalpojumā", "pakalpojumi", "pakalpojumiem", "pakalpojumos"];
    expect(new Set(forms.flatMap((f) => searchStems(f)))).toEqual(new Set(["pakalpojum"]));
    expect(new Set(["iesniegums", "iesniegumu", "iesniegumiem"].flatMap((f) => searchStems(f)))).toEqual(new Set(["iesniegum"]));
    expect(new Set(["pašvaldība", "pašvaldības", "pašvaldībām", "PAŠVALDĪBAI"].flatMap((f) => searchStems(f)))).toEqual(new Set(["pasvaldib"]));
  });

  test("the verbal noun and the infinitive meet; a stem keeps four letters; short words stay whole", () => {
    expect(searchStems("saņemšana")).toEqual(searchStems("saņemt"));
    expect(stemOf("ielas")).toBe("iela");
    expect(stemOf("iela")).toBe("iela");
    expect(stemOf("cels")).toBe("cels");
  });

  test("a query's words: folded, punctuation around them dropped, punctuation alone kept, at most eight", () => {
    expect(searchWords("  Ceļš, uz SKOLU!  ")).toEqual(["cels", "uz", "skolu"]);
    expect(searchWords("%")).toEqual(["%"]);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
  });

  test("similar ideas compare meaningful words by their first six letters", () => {
    const stems = similarityStems("Reģistrācija un reģistrēšana: uzņēmumu reģistrs, kas ir lēns");
    expect(stems).toEqual(["regist", "uznemu", "lens"]);
    expect(stems.every((s) => s.length <= SIMILAR_PREFIX)).toBe(true);
    expect(similarityStems("un ir ar par")).toEqual([]);
  });
});

describe("marking what was searched for", () => {
  test("found without capitals and diacritics, marked in the original letters, inside any word form", () => {
    expect(marked("Ceļš uz pakalpojumiem — NODOKĻU deklarācija", "cels pakalpojums nodoklis")).toEqual(["Ceļš", "pakalpojum", "NODOKĻ"]);
  });

  test("overlapping and repeated matches become one mark each, in order", () => {
    expect(marked("rinda rindas rindām", "rinda rind")).toEqual(["rind", "rind", "rind"]);
    expect(matchRanges("abcabc", ["abc", "bca"])).toEqual([[0, 6]]);
  });

  test("nothing to mark without a query or a match", () => {
    expect(matchRanges("Teksts", [])).toEqual([]);
    expect(matchRanges("Teksts", ["xyz"])).toEqual([]);
    expect(matchRanges("", ["a"])).toEqual([]);
  });
});
