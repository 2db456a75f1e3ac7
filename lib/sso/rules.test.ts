import { describe, expect, it } from "vitest";
import {
  decideSsoSignIn,
  emailDomainOf,
  isEmailDomainCovered,
  isIssuerAllowed,
  normalizeDomain,
  parseDomainList,
} from "./rules";

describe("email domains", () => {
  it("are normalized: lower case, no @ or final dot, international names as punycode", () => {
    expect(normalizeDomain(" @Corp.Example.COM. ")).toBe("corp.example.com");
    expect(normalizeDomain("한국.kr")).toBe("xn--3e0b707e.kr");
  });

  it("refuse what is not a domain name", () => {
    for (const text of ["", "localhost", "a b.com", "-a.com", "a-.com", "a..com", "1.2.3.4"])
      expect(normalizeDomain(text), text).toBeNull();
    for (const text of ["http://a.com", "a.com/x", "user@a.com", "a.com:443", "a.com?x"])
      expect(normalizeDomain(text), text).toBeNull();
  });

  it("are read from a list with commas, spaces or lines, once each, naming what is not one", () => {
    expect(parseDomainList("a.com, B.com\nb.com;c.co.kr  not_a_domain")).toEqual({
      domains: ["a.com", "b.com", "c.co.kr"],
      invalid: ["not_a_domain"],
    });
  });

  it("cover an email exactly: no subdomain, suffix or look-alike", () => {
    const domains = ["corp.example.com"];
    expect(emailDomainOf("Kim@Corp.Example.com")).toBe("corp.example.com");
    expect(isEmailDomainCovered("kim@CORP.example.com", domains)).toBe(true);
    expect(isEmailDomainCovered("kim@mail.corp.example.com", domains)).toBe(false);
    expect(isEmailDomainCovered("kim@corp.example.com.attacker.io", domains)).toBe(false);
    expect(isEmailDomainCovered("kim@xcorp.example.com", domains)).toBe(false);
    expect(isEmailDomainCovered("corp.example.com@attacker.io", domains)).toBe(false);
    expect(isEmailDomainCovered("no-at-sign", domains)).toBe(false);
  });
});

describe("issuers", () => {
  it("must be https, or http on the loopback only", () => {
    expect(isIssuerAllowed("https://login.example.com/realms/moments")).toBe(true);
    expect(isIssuerAllowed("http://127.0.0.1:4000")).toBe(true);
    expect(isIssuerAllowed("http://localhost:4000/oidc")).toBe(true);
    expect(isIssuerAllowed("http://[::1]:4000")).toBe(true);
    expect(isIssuerAllowed("http://login.example.com")).toBe(false);
    expect(isIssuerAllowed("http://127.0.0.1.nip.io")).toBe(false);
    expect(isIssuerAllowed("http://10.0.0.5")).toBe(false);
  });

  it("carry no query, fragment or credentials", () => {
    expect(isIssuerAllowed("https://a.example.com/?x=1")).toBe(false);
    expect(isIssuerAllowed("https://a.example.com/#x")).toBe(false);
    expect(isIssuerAllowed("https://user:pw@a.example.com")).toBe(false);
    expect(isIssuerAllowed("ftp://a.example.com")).toBe(false);
    expect(isIssuerAllowed("not a url")).toBe(false);
  });
});

describe("decideSsoSignIn", () => {
  const base = { organizationId: "org-a", domains: ["a.com"] };
  const verified = (email: string) => ({ email, emailVerified: true });

  it("creates a user for a verified email of a covered domain nobody has", () => {
    expect(decideSsoSignIn({ ...base, claims: verified("new@a.com"), existing: null })).toEqual({
      kind: "create",
    });
  });

  it("links the organization's active user with that email", () => {
    const existing = { id: "u1", organizationId: "org-a", isActive: true };
    expect(decideSsoSignIn({ ...base, claims: verified("kim@a.com"), existing })).toEqual({
      kind: "link",
      userId: "u1",
    });
  });

  it("refuses, saying why: no email, another domain, unverified, another organization, deactivated", () => {
    const refusal = (
      claims: { email: string | null; emailVerified: boolean },
      existing: { id: string; organizationId: string; isActive: boolean } | null = null,
    ) => decideSsoSignIn({ ...base, claims, existing });
    expect(refusal({ email: null, emailVerified: true })).toEqual({
      kind: "refuse",
      reason: "no_email",
    });
    expect(refusal(verified("kim@b.com"))).toMatchObject({ reason: "domain_not_allowed" });
    expect(refusal({ email: "kim@a.com", emailVerified: false })).toMatchObject({
      reason: "email_unverified",
    });
    expect(
      refusal(verified("kim@a.com"), { id: "u2", organizationId: "org-b", isActive: true }),
    ).toMatchObject({ reason: "other_organization" });
    expect(
      refusal(verified("kim@a.com"), { id: "u1", organizationId: "org-a", isActive: false }),
    ).toMatchObject({ reason: "inactive" });
  });
});
