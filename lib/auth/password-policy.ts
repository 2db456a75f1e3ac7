// Shared by the schemas (client and server) and the hashing module; no dependencies.
export const PASSWORD_MIN_LENGTH = 12;
