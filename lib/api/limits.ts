/**
 * Largest body POST /api/v1/observations accepts. A batch of 1,000 items with every field set
 * weighs about 400 KB, with a 160-character Korean comment on each about 800 KB: 1.5 MiB leaves
 * room for longer comments and refuses a 2 MB body. Longer comments on every item? Send smaller
 * batches.
 */
export const MAX_BODY_BYTES = 1.5 * 1024 * 1024;
