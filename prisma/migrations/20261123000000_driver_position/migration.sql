-- Loyalty drivers keep the order they were written in (templates, imports, the editor).
ALTER TABLE "LoyaltyDriver" ADD COLUMN "position" INTEGER NOT NULL DEFAULT 0;
