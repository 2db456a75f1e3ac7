import {
  columnsOf,
  OPTIONAL_COLUMN_FIELDS,
  type TImportMapping,
  type TSavedMapping,
} from "./schemas";

// Header matching: which saved mapping fits a new file, and a first guess at the columns of a
// file no saved mapping fits. Headers are compared loosely (case, spaces, "_" and "-" ignored,
// Unicode NFC so a Korean header typed on a Mac matches one typed on Windows).

/** A header as compared: "Touchpoint ID", "touchpoint_id" and " touchpoint-id " are one header. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFC")
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, " ");
}

const compact = (header: string) => normalizeHeader(header).replaceAll(" ", "");

/** Where each header is; headers that occur twice cannot be told apart and are listed. */
export function indexHeaders(headers: string[]): {
  indexOf: Map<string, number>;
  duplicates: string[];
} {
  const indexOf = new Map<string, number>();
  const duplicates: string[] = [];
  headers.forEach((header, index) => {
    const key = normalizeHeader(header);
    if (key === "") return;
    if (indexOf.has(key)) duplicates.push(header);
    else indexOf.set(key, index);
  });
  return { indexOf, duplicates };
}

/** The mapping's columns the file does not have, as the mapping names them. */
export function findMissingColumns(headers: string[], mapping: TImportMapping): string[] {
  const { indexOf } = indexHeaders(headers);
  return columnsOf(mapping).filter((column) => !indexOf.has(normalizeHeader(column)));
}

/**
 * The saved mapping to suggest for a file: one whose every column the file has; of several, the
 * one that reads the most columns (the most specific), then the most recently saved.
 */
export function suggestSavedMapping<T extends TSavedMapping>(
  headers: string[],
  saved: T[],
): T | null {
  const fitting = saved.filter(
    (candidate) => findMissingColumns(headers, candidate.mapping).length === 0,
  );
  fitting.sort(
    (a, b) =>
      columnsOf(b.mapping).length - columnsOf(a.mapping).length ||
      b.updatedAt.localeCompare(a.updatedAt),
  );
  return fitting[0] ?? null;
}

/** Fields a guess can fill from headers alone; the form turns them into a mapping. */
const GUESSABLE_FIELDS = [
  "touchpointId",
  "touchpointName",
  "observedAt",
  ...OPTIONAL_COLUMN_FIELDS,
] as const;
export type TGuessableField = (typeof GUESSABLE_FIELDS)[number];

// Headers seen in survey tools' exports and in Korean questionnaires, compared without spaces.
const SYNONYMS: Record<TGuessableField, string[]> = {
  touchpointId: ["touchpointid", "접점id", "접점아이디"],
  touchpointName: ["touchpoint", "touchpointname", "접점", "접점명", "접점이름"],
  driver: ["driver", "loyaltydriver", "드라이버", "로열티드라이버", "충성도요인", "요인"],
  segment: ["segment", "customersegment", "세그먼트", "고객군", "고객세그먼트"],
  site: ["site", "sitecode", "branch", "branchcode", "store", "지점", "지점코드", "매장", "사이트"],
  source: ["source", "출처", "수집경로"],
  observedAt: [
    "date",
    "datetime",
    "observedat",
    "timestamp",
    "respondedat",
    "submittedat",
    "응답일",
    "응답일시",
    "응답날짜",
    "날짜",
    "일자",
    "일시",
  ],
  expectationScore: ["expectation", "expectationscore", "expected", "기대", "기대점수", "기대수준"],
  experiencedScore: [
    "experience",
    "experiencescore",
    "experienced",
    "experiencedscore",
    "경험",
    "경험점수",
    "체감",
    "체감점수",
  ],
  emotionalScore: ["emotion", "emotional", "emotionalscore", "감정", "감정점수", "정서"],
  nps: ["nps", "npsscore", "recommend", "likelihoodtorecommend", "추천", "추천의향", "추천점수"],
  csat: ["csat", "satisfaction", "만족", "만족도", "고객만족도"],
  ces: ["ces", "effort", "customereffort", "customereffortscore", "노력", "노력점수", "고객노력"],
  comment: [
    "comment",
    "comments",
    "feedback",
    "verbatim",
    "의견",
    "코멘트",
    "응답내용",
    "기타의견",
    "자유응답",
  ],
  responseId: ["responseid", "respondentid", "응답id", "응답번호", "응답자id"],
};

/** For each field, the first header that reads like it; every header is used at most once. */
export function guessColumns(headers: string[]): Partial<Record<TGuessableField, string>> {
  const guess: Partial<Record<TGuessableField, string>> = {};
  const used = new Set<number>();
  for (const field of GUESSABLE_FIELDS) {
    const index = headers.findIndex(
      (header, i) => !used.has(i) && SYNONYMS[field].includes(compact(header)),
    );
    if (index === -1) continue;
    used.add(index);
    guess[field] = headers[index]!;
  }
  return guess;
}
