import { pipeline, Transform, type Readable } from "node:stream";
import yauzl from "yauzl";
import { importEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// An XLSX is a zip archive, and a zip can unpack to a thousand times its size (a "zip bomb"), or
// declare small sizes and hold large ones. The archive is read here, from memory, with yauzl
// (central directory, random access): each part is inflated as a stream while its bytes are
// counted, and the reading stops the moment the archive as a whole unpacks past the limit, or a
// part past the ratio to its packed size. Declared sizes are only an early refusal, never trusted.
// Nothing is written to disk.

export type TXlsxLimits = {
  /** Bytes the parts read may unpack to, all together. */
  maxUnpackedBytes: number;
  /** Unpacked bytes per packed byte of one part, judged once it is past RATIO_GRACE_BYTES. */
  maxRatio: number;
};

/** The limits set for this server (lib/env.ts). */
export function xlsxLimits(): TXlsxLimits {
  const env = importEnv();
  return {
    maxUnpackedBytes: env.IMPORT_XLSX_MAX_UNPACKED_BYTES,
    maxRatio: env.IMPORT_XLSX_MAX_RATIO,
  };
}

/** Small XML parts compress unevenly; their ratio says nothing until they have some size. */
const RATIO_GRACE_BYTES = 1024 * 1024;
/** An XLSX has tens of parts; a central directory listing more is not a workbook. */
const MAX_ENTRIES = 10_000;

const xlsxTooLarge = (limits: TXlsxLimits) =>
  new AppError("VALIDATION", "imports.errors.xlsxTooLarge", {
    limit: [String(Math.floor(limits.maxUnpackedBytes / (1024 * 1024)))],
  });
const badXlsx = () => new AppError("VALIDATION", "imports.errors.badXlsx");

export type TXlsxArchive = {
  has(name: string): boolean;
  /** The part names, in the archive's order. */
  names(): string[];
  /** The part's unpacked bytes as a stream that fails (xlsxTooLarge) once past a limit. */
  open(name: string): Promise<Readable>;
  /** The limit that stopped the reading, if one did: whatever error surfaced downstream, this is the cause. */
  refusal(): AppError | null;
};

export async function openXlsxArchive(
  bytes: Uint8Array,
  limits: TXlsxLimits,
): Promise<TXlsxArchive> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      // Sizes are checked below, against the bytes that really come out.
      { lazyEntries: true, validateEntrySizes: false },
      (error, opened) => (error || !opened ? reject(badXlsx()) : resolve(opened)),
    ),
  );
  if (zip.entryCount > MAX_ENTRIES) throw badXlsx();
  const entries = await listEntries(zip);
  let unpacked = 0;
  let refusal: AppError | null = null;
  const refuse = () => (refusal ??= xlsxTooLarge(limits));
  const isOverRatio = (bytesOut: number, packed: number) =>
    bytesOut > RATIO_GRACE_BYTES && bytesOut > limits.maxRatio * Math.max(packed, 1);

  return {
    has: (name) => entries.has(name),
    names: () => [...entries.keys()],
    refusal: () => refusal,
    async open(name) {
      const entry = entries.get(name);
      if (!entry) throw badXlsx();
      if (
        unpacked + entry.uncompressedSize > limits.maxUnpackedBytes ||
        isOverRatio(entry.uncompressedSize, entry.compressedSize)
      )
        throw refuse();
      const source = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (error, stream) =>
          error || !stream ? reject(badXlsx()) : resolve(stream),
        ),
      );
      let entryBytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          unpacked += chunk.byteLength;
          entryBytes += chunk.byteLength;
          if (
            unpacked > limits.maxUnpackedBytes ||
            entryBytes > entry.uncompressedSize ||
            isOverRatio(entryBytes, entry.compressedSize)
          )
            return done(refuse());
          done(null, chunk);
        },
      });
      // pipeline: an error on either side (a limit, corrupt deflate data) destroys both.
      return pipeline(source, counter, () => {});
    },
  };
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", () => reject(badXlsx()));
    zip.readEntry();
  });
}
