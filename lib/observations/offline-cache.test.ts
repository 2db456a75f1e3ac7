import { describe, expect, it } from "vitest";
import { offlineCachesToDelete } from "./offline-cache";

const names = [
  "moments-frontline-static-v2",
  "moments-frontline-pages-user-a",
  "moments-frontline-pages-user-b",
  "moments-frontline-v1",
  "another-app-cache",
];

describe("offlineCachesToDelete", () => {
  it("signed out: every frontline cache, and nothing else of the origin", () => {
    expect(offlineCachesToDelete(names, null)).toEqual(names.slice(0, 4));
  });

  it("signed in: the other users' pages and an older worker's cache; the static files and the user's own pages stay", () => {
    expect(offlineCachesToDelete(names, "user-a")).toEqual([
      "moments-frontline-pages-user-b",
      "moments-frontline-v1",
    ]);
  });

  it("a user whose id another user's id starts with keeps nothing of that user", () => {
    expect(
      offlineCachesToDelete(
        ["moments-frontline-pages-user-a", "moments-frontline-pages-user-ab"],
        "user-a",
      ),
    ).toEqual(["moments-frontline-pages-user-ab"]);
  });
});
