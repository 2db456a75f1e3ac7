import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./config";
import { localized } from "./localized";

describe("localeFromAcceptLanguage", () => {
  it("picks the best-weighted supported language", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,ko;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,ko;q=0.5,en;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("ko-KR")).toBe("ko");
  });

  it("falls back to Korean when nothing matches or the header is missing or garbage", () => {
    expect(localeFromAcceptLanguage("fr,de;q=0.9")).toBe("ko");
    expect(localeFromAcceptLanguage(null)).toBe("ko");
    expect(localeFromAcceptLanguage(";;;q=abc,,")).toBe("ko");
  });
});

describe("localized", () => {
  it("reads the field in the reader's language and falls back to the other one", () => {
    expect(localized({ nameKo: "예약", nameEn: "Booking" }, "name", "en")).toBe("Booking");
    expect(localized({ nameKo: "예약", nameEn: "Booking" }, "name", "ko")).toBe("예약");
    expect(localized({ nameKo: "예약", nameEn: "" }, "name", "en")).toBe("예약");
    expect(localized({ nameKo: "", nameEn: "Booking" }, "name", "ko")).toBe("Booking");
  });
});
